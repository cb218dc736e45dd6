namespace SessionSite.Tests.Infrastructure.Fixtures;

/// <summary>One hash at a time and none waiting, on the fake clock: the busy answer's pause waits for the test.</summary>
public sealed class BusyPauseFixture : SiteFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PasswordHashing:MaxConcurrent"] = "1",
        ["PasswordHashing:QueueLimit"] = "0",
        ["PasswordHashing:BusyAnswerDelay"] = "00:00:00.250",
    };

    protected override bool UsesFakeClock => true;
}
