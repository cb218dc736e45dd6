namespace SessionSite.Tests.Infrastructure.Fixtures;

/// <summary>
/// Verification required, a Redis of its own, and a mail sender that looks at the outbox only once an hour: what
/// a request queues stays there to be read, and Redis's command counts show only the requests' own work.
/// </summary>
public sealed class QuietOutboxFixture : SiteFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Accounts:RequireVerifiedEmail"] = "true",
        ["Mail:PollInterval"] = "01:00:00",
    };

    protected override bool NeedsOwnRedis => true;
}
