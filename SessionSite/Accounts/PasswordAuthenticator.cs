using Microsoft.AspNetCore.Identity;

namespace SessionSite.Accounts;

/// <summary>Checks an email and password, doing the same hashing work whether or not the account exists.</summary>
public sealed class PasswordAuthenticator(UserStore users, IPasswordHasher<Account> hasher, PasswordHashingGate gate)
{
    private static readonly Account Nobody = new("", "", "", "", DateTimeOffset.UnixEpoch);
    private readonly Lazy<string> dummyHash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<Account?> AuthenticateAsync(string email, string password) => (await CheckAsync(email, password)).Verified;

    /// <summary>The account the address names (if any) and whether the password is its own: an account's activity shows its failures.</summary>
    public async Task<PasswordCheck> CheckAsync(string email, string password)
    {
        var account = await users.FindByEmailAsync(email);
        if (account is null)
        {
            await gate.RunAsync(() => hasher.VerifyHashedPassword(Nobody, dummyHash.Value, password));
            return new PasswordCheck(null, null);
        }
        return new PasswordCheck(account, await VerifyAsync(account, password) ? account : null);
    }

    /// <summary>True when <paramref name="password"/> is the account's; upgrades a weaker stored hash on the way.</summary>
    public async Task<bool> VerifyAsync(Account account, string password)
    {
        var (result, upgraded) = await gate.RunAsync(() =>
        {
            var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
            return (verdict, verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(account, password) : null);
        });
        if (upgraded is not null)
            await users.UpgradePasswordHashAsync(account, upgraded);
        return result != PasswordVerificationResult.Failed;
    }

    public Task<string> HashAsync(Account account, string password) => gate.RunAsync(() => hasher.HashPassword(account, password));
}

/// <summary>What a sign-in's password check found: the named account, and that account again only if the password was right.</summary>
public sealed record PasswordCheck(Account? Found, Account? Verified);
