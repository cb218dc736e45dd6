using SessionSite.Accounts;

namespace SessionSite.Passkeys;

/// <summary>
/// The user type the framework's passkey handler works with: the account, nothing of Identity's own user model.
/// The WebAuthn user handle is the account id (random, opaque), never the email.
/// </summary>
public sealed class PasskeyUser(Account account)
{
    public Account Account { get; } = account;

    public string Id => Account.Id;
}
