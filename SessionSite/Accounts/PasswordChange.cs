namespace SessionSite.Accounts;

/// <summary>Replaces a password after checking the current one; a wrong current password changes nothing.</summary>
public sealed class PasswordChange(UserStore users, PasswordAuthenticator passwords)
{
    public async Task<Account?> ChangeAsync(string userId, string currentPassword, string newPassword)
    {
        var account = await users.FindByIdAsync(userId);
        if (account is null || !await passwords.VerifyAsync(account, currentPassword))
            return null;
        return await users.ReplacePasswordAsync(account, await passwords.HashAsync(account, newPassword));
    }
}
