namespace SessionSite.Accounts;

/// <summary>
/// The fields of a "this wasn't me" link's hash. Recovery writes and redeems the links; they sit here because
/// deleting an account (<see cref="UserStore"/>) reads them too, and Recovery already builds on Accounts.
/// </summary>
internal static class RecoverLinkFields
{
    public const string Kind = "k";
    public const string EventAt = "at";
    public const string Expires = "x";
    public const string OldEmail = "old";
}
