namespace SessionSite.Tests.Infrastructure.Fixtures;

/// <summary>The default settings on a clock the tests move: for rules about time that need nothing else.</summary>
public sealed class FakeClockFixture : SiteFixture
{
    protected override bool UsesFakeClock => true;
}
