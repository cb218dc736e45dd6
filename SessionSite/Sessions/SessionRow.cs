namespace SessionSite.Sessions;

public sealed record SessionRow(SessionRecord Session, string Handle, bool IsCurrent);
