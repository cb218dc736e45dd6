namespace SessionSite.Tests.Infrastructure.Fixtures;

/// <summary>The default idle timeout and a two-hour lifetime, on a clock the tests move.</summary>
public sealed class FakeClockSessionFixture : SiteFixture
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(2);

    protected override bool UsesFakeClock => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Session:IdleTimeout"] = Idle.ToString(),
        ["Session:AbsoluteLifetime"] = Absolute.ToString(),
    };
}
