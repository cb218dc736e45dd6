namespace SessionSite.Tests.Infrastructure.Fixtures;

/// <summary>A site whose sessions last seconds, so Redis itself can be watched deleting them (the rules run on a fake clock in SessionLifetimeRuleTests).</summary>
public sealed class ShortSessionFixture : SiteFixture
{
    // Long enough that a sign-up and a second sign-in finish before the first session idles out on a loaded machine.
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan Absolute = TimeSpan.FromSeconds(15);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Session:IdleTimeout"] = Idle.ToString(),
        ["Session:AbsoluteLifetime"] = Absolute.ToString(),
        ["Session:RememberMeIdleTimeout"] = Idle.ToString(),
        ["Session:RememberMeLifetime"] = Absolute.ToString(),
    };
}
