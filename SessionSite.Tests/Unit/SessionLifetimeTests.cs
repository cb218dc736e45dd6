using Microsoft.Extensions.Options;
using SessionSite.Sessions;

namespace SessionSite.Tests.Unit;

public sealed class SessionLifetimeTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SessionLifetime lifetime = new(Options.Create(new RedisSessionOptions
    {
        IdleTimeout = TimeSpan.FromMinutes(30),
        AbsoluteLifetime = TimeSpan.FromHours(12),
        TouchInterval = TimeSpan.FromMinutes(1),
    }));

    // Created at Start, so the absolute expiry is Start + 12 h (the configured and the default lifetime).
    private static SessionRecord Session(DateTimeOffset lastSeen, DateTimeOffset expires) =>
        new("u", "e", "d", Start, true, Start, lastSeen, expires, false, null, "dev");

    [Fact]
    public void ExpiryIsIdleWindowFromNowCappedByAbsoluteLifetime()
    {
        var absolute = Start.AddHours(12);

        Assert.Equal(Start.AddMinutes(40), lifetime.ExpiryAfterUse(Session(Start, Start), Start.AddMinutes(10)));
        Assert.Equal(absolute, lifetime.ExpiryAfterUse(Session(Start, Start), absolute.AddMinutes(-5)));
    }

    [Fact]
    public void NoRewriteWithinTheTouchIntervalWhileMostOfTheIdleWindowRemains()
    {
        var session = Session(Start, Start.AddMinutes(30));

        Assert.False(lifetime.NeedsTouch(session, Start.AddSeconds(59)));
    }

    [Fact]
    public void RewriteOnceLastSeenIsATouchIntervalOld()
    {
        var session = Session(Start, Start.AddMinutes(30));

        Assert.True(lifetime.NeedsTouch(session, Start.AddMinutes(1)));
    }

    [Fact]
    public void RewriteWhenLessThanHalfTheIdleWindowRemains()
    {
        var shortTouch = new SessionLifetime(Options.Create(new RedisSessionOptions { TouchInterval = TimeSpan.FromHours(1) }));
        var session = Session(Start, Start.AddMinutes(30));

        Assert.False(shortTouch.NeedsTouch(session, Start.AddMinutes(14)));
        Assert.True(shortTouch.NeedsTouch(session, Start.AddMinutes(16)));
    }

    [Fact]
    public void NoRewriteForSlidingOnceCappedByTheAbsoluteLifetime()
    {
        var capped = new SessionLifetime(Options.Create(new RedisSessionOptions { TouchInterval = TimeSpan.FromHours(1) }));
        var absolute = Start.AddHours(12);
        var session = Session(absolute.AddMinutes(-20), absolute);

        Assert.False(capped.NeedsTouch(session, absolute.AddMinutes(-5)));
    }

    [Fact]
    public void ExpiredAtTheExpiryInstant()
    {
        var session = Session(Start, Start.AddMinutes(30));

        Assert.False(lifetime.IsExpired(session, Start.AddMinutes(30).AddTicks(-1)));
        Assert.True(lifetime.IsExpired(session, Start.AddMinutes(30)));
    }
}
