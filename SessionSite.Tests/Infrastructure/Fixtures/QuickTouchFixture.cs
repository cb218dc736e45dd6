namespace SessionSite.Tests.Infrastructure.Fixtures;

public sealed class QuickTouchFixture : SiteFixture
{
    public static readonly TimeSpan TouchInterval = TimeSpan.FromSeconds(2);

    protected override bool NeedsOwnRedis => true;

    protected override bool UsesFakeClock => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Session:TouchInterval"] = TouchInterval.ToString(),
    };
}
