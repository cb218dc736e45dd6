namespace SessionSite.Activity;

/// <summary>The devices a sign-out ended, as a sentence names them: "Firefox on Linux and Safari on iOS".</summary>
public static class DeviceList
{
    /// <summary>Beyond this many the activity counts the sessions instead: a long list reads worse than a number.</summary>
    public const int MostNamed = 3;

    public static string? Name(IReadOnlyList<string>? devices) => devices switch
    {
        null or [] => null,
        { Count: > MostNamed } => null,
        [var only] => only,
        _ => $"{string.Join(", ", devices.Take(devices.Count - 1))} and {devices[^1]}",
    };
}
