using SessionSite.Sessions;

namespace SessionSite.Models;

public sealed record SessionRow(SessionRecord Session, string Handle, bool IsCurrent);
