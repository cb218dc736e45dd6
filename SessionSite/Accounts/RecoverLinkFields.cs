namespace SessionSite.Accounts;

/// <summary>
/// The fields of a "this wasn't me" link's hash. Links/ writes and redeems the links; they sit here because
/// deleting an account (<see cref="AccountDeletion"/>) reads them too, and Links/ already builds on Accounts.
/// </summary>
internal static class RecoverLinkFields
{
    public const string Kind = "k";
    public const string EventAt = "at";
    public const string Expires = "x";
    public const string OldEmail = "old";
}
