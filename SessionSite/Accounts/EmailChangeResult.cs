namespace SessionSite.Accounts;

public enum EmailChangeResult
{
    Changed,

    /// <summary>Another account has the new address now; nothing changed.</summary>
    Taken,

    /// <summary>The account's address is no longer the one the link was issued for; nothing changed.</summary>
    Stale,
}
