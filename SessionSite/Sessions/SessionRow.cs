namespace SessionSite.Sessions;

public sealed record SessionRow(SessionRecord Session, string Handle, bool IsCurrent)
{
    /// <summary>The user's sessions as rows: this browser first, then the others by last activity, as GitHub and Google list devices.</summary>
    public static List<SessionRow> Of(IEnumerable<ListedSession> listed, string currentStorageHash) =>
        listed.Select(s => new SessionRow(s.Session, s.Handle, s.StorageHash == currentStorageHash))
            .OrderByDescending(row => row.IsCurrent)
            .ThenByDescending(row => row.Session.LastSeenAt)
            .ToList();
}
