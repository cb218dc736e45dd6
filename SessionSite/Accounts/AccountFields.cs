using StackExchange.Redis;

namespace SessionSite.Accounts;

/// <summary>The field layout of an account's Redis hash.</summary>
internal static class AccountFields
{
    public const string PasswordHashField = "password";

    /// <summary>Absent until the first credential change (0): new accounts pay no bytes for it.</summary>
    public const string CredentialStampField = "stamp";

    public const string EmailField = "email";

    public const string DisplayNameField = "name";

    /// <summary>"1" once the address in <see cref="EmailField"/> is proved; absent (false) before.</summary>
    public const string EmailVerifiedField = "verified";

    /// <summary>Absent (0) until the name or address first changes.</summary>
    public const string ProfileVersionField = "pv";

    /// <summary>The authenticator secret, sealed with data protection; absent while two-step sign-in is off.</summary>
    public const string TwoStepSecretField = "totp";

    /// <summary>The last accepted TOTP time step, so a code works once.</summary>
    public const string TwoStepLastStepField = "totp-step";

    /// <summary>How long a TOTP time step lasts: the unit of <see cref="TwoStepLastStepField"/>, so whoever reads it can date it.</summary>
    public const int TwoStepStepSeconds = 30;

    /// <summary>When two-step sign-in was last turned on (Unix ms), so "this wasn't me" can undo what came after a change.</summary>
    public const string TwoStepAddedAtField = "totp-at";

    /// <summary>When the current recovery codes were made (Unix ms).</summary>
    public const string RecoveryCodesAddedAtField = "codes-at";

    public const string CreatedField = "created";

    public static HashEntry[] From(Account account) =>
    [
        new("id", account.Id),
        new(EmailField, account.Email),
        new(DisplayNameField, account.DisplayName),
        new(PasswordHashField, account.PasswordHash),
        new(CreatedField, account.CreatedAt.ToUnixTimeMilliseconds()),
    ];

    public static Account? ToAccount(HashEntry[] entries)
    {
        if (entries.Length == 0)
            return null;
        var fields = entries.ToDictionary(e => e.Name.ToString(), e => e.Value);
        return new Account(
            fields["id"].ToString(),
            fields[EmailField].ToString(),
            fields[DisplayNameField].ToString(),
            fields[PasswordHashField].ToString(),
            DateTimeOffset.FromUnixTimeMilliseconds((long)fields[CreatedField]),
            fields.TryGetValue(CredentialStampField, out var stamp) ? (long)stamp : 0,
            fields.TryGetValue(EmailVerifiedField, out var verified) && verified == "1",
            fields.TryGetValue(ProfileVersionField, out var version) ? (long)version : 0,
            fields.TryGetValue(TwoStepSecretField, out var secret) ? secret.ToString() : null);
    }
}
