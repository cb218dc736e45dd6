namespace SessionSite.Tests.Infrastructure.Fixtures;

public sealed class TwoSessionCapFixture : SiteFixture
{
    protected override bool UsesFakeClock => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Session:MaxSessionsPerUser"] = "2",
        ["Session:TouchInterval"] = "00:00:01",
    };
}
