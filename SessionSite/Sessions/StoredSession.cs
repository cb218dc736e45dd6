namespace SessionSite.Sessions;

/// <summary>A session as the per-user list sees it: its storage name and what it holds.</summary>
public sealed record StoredSession(string StorageHash, SessionUser Session);
