using SessionSite.Sessions;

namespace SessionSite.Models;

public sealed record SessionRow(SessionUser Session, bool IsCurrent);
