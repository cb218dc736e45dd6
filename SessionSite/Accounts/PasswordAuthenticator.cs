using Microsoft.AspNetCore.Identity;

namespace SessionSite.Accounts;

/// <summary>Checks an email and password, doing the same hashing work whether or not the account exists.</summary>
public sealed class PasswordAuthenticator(UserStore users, IPasswordHasher<Account> hasher)
{
    private static readonly Account Nobody = new("", "", "", "", DateTimeOffset.UnixEpoch);
    private readonly Lazy<string> dummyHash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<Account?> AuthenticateAsync(string email, string password)
    {
        var account = await users.FindByEmailAsync(email);
        if (account is null)
        {
            hasher.VerifyHashedPassword(Nobody, dummyHash.Value, password);
            return null;
        }
        var result = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
            return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account = account with { PasswordHash = hasher.HashPassword(account, password) };
            await users.UpdatePasswordHashAsync(account.Id, account.PasswordHash);
        }
        return account;
    }
}
