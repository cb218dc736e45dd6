namespace SessionSite.Accounts;

/// <summary>More password checks are waiting than the site takes on; answered with 503 "busy" and Retry-After.</summary>
public sealed class SiteBusyException() : Exception("Too many password checks are waiting.");
