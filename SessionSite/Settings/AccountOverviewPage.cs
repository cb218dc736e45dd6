using SessionSite.Overview;
using SessionSite.Sessions;

namespace SessionSite.Settings;

/// <summary>The overview's model: who (from the session) and each row's status (read from the account).</summary>
public sealed record AccountOverviewPage(SessionRecord Record, AccountOverview Status);
