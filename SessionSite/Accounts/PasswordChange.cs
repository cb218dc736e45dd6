using Microsoft.AspNetCore.Identity;

namespace SessionSite.Accounts;

/// <summary>Replaces a password after checking the current one; a wrong current password changes nothing.</summary>
public sealed class PasswordChange(UserStore users, IPasswordHasher<Account> hasher)
{
    public async Task<Account?> ChangeAsync(string userId, string currentPassword, string newPassword)
    {
        var account = await users.FindByIdAsync(userId);
        if (account is null || hasher.VerifyHashedPassword(account, account.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
            return null;
        var changed = account with { PasswordHash = hasher.HashPassword(account, newPassword) };
        await users.UpdatePasswordHashAsync(changed.Id, changed.PasswordHash);
        return changed;
    }
}
