namespace SessionSite.Throttling;

/// <summary>One try at a <see cref="SlidingWindow"/> slot: <see cref="Wait"/> is set when none was free; <see cref="Taken"/> counts the slots in use.</summary>
public sealed record WindowTake(TimeSpan? Wait, long Taken);
