using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SessionSite.Throttling;

/// <summary>
/// Password attempts counted in Redis over a sliding window (<see cref="SlidingWindow"/>), per client IP and per
/// account, so every site instance sees the same counts. An attempt takes its slot before the password is
/// checked, so N parallel guesses never get more than the limit answered; a right password gives its slot back.
/// Attempts refused with 429 take no slot, so a throttle lifts once failures stop: an attacker must keep
/// failing (past the IP limit first) to keep an account throttled, and can never lock it for good.
/// </summary>
public sealed class SignInThrottle(SlidingWindow window, AttackWarnings warnings, IOptions<ThrottlingOptions> options, TimeProvider clock)
{
    private ThrottlingOptions Options => options.Value;

    /// <summary>
    /// Takes a slot for one password check, IP first, then the account. <see cref="PasswordAttempt.Wait"/> is set
    /// (and no slot kept) when either is full: the caller must answer 429 without checking the password.
    /// </summary>
    public async Task<PasswordAttempt> BeginAsync(string? ip, string email)
    {
        var now = clock.GetUtcNow();
        var attempt = new PasswordAttempt(this, email, IpKey(ip), AccountKey(email), SlidingWindow.NewMember(now));
        var take = await window.TakeEachAsync(
            [new(attempt.IpKey, Options.IpWindow, Options.IpFailureLimit), new(attempt.AccountKey, Options.AccountWindow, Options.AccountFailureLimit)],
            now, attempt.Member);
        return take.Allowed ? attempt with { TookLastSlot = take.Taken >= Options.AccountFailureLimit } : attempt with { Wait = take.Wait };
    }

    /// <summary>
    /// The password was wrong. If this attempt filled the address's window, sign-in is now paused, and the owner
    /// (if the address has an account: the mail sender finds out) is told until when.
    /// </summary>
    internal async Task FailedAsync(PasswordAttempt attempt)
    {
        if (!attempt.TookLastSlot)
            return;
        var now = clock.GetUtcNow();
        var wait = await window.PeekAsync(attempt.AccountKey, Options.AccountWindow, Options.AccountFailureLimit, now);
        await warnings.SignInPausedAsync(attempt.Email, now + (wait ?? TimeSpan.Zero));
    }

    /// <summary>
    /// The person proved they hold the account's mailbox (a password reset): its password failures are forgotten,
    /// so the new password signs in at once. The second-step count stays: a reset proves nothing about that factor.
    /// </summary>
    public Task ClearAccountAsync(string email) => window.ClearAsync(AccountKey(email));

    /// <summary>
    /// The password was right: the IP's slot is given back and the account's failures are cleared (one right
    /// password does not vouch for the IP's other attempts, but it does end the guessing on this account).
    /// </summary>
    internal Task SucceededAsync(PasswordAttempt attempt) =>
        Task.WhenAll(window.GiveBackAsync(attempt.IpKey, attempt.Member), window.ClearAsync(attempt.AccountKey));

    internal Task AbandonedAsync(PasswordAttempt attempt) =>
        Task.WhenAll(window.GiveBackAsync(attempt.IpKey, attempt.Member), window.GiveBackAsync(attempt.AccountKey, attempt.Member));

    internal static RedisKey IpKey(string? ip) => $"throttle:ip:{ip ?? "unknown"}";

    private static RedisKey AccountKey(string email) => SlidingWindow.AddressKey("throttle:account:", email);
}

/// <summary>One password check's slots in the throttle: kept as a failure unless <see cref="SucceededAsync"/> gives them back.</summary>
public sealed record PasswordAttempt(SignInThrottle Throttle, string Email, RedisKey IpKey, RedisKey AccountKey, string Member)
{
    public TimeSpan? Wait { get; init; }

    /// <summary>This attempt took the account's last free slot: if its password is wrong, sign-in is paused.</summary>
    public bool TookLastSlot { get; init; }

    public Task SucceededAsync() => Throttle.SucceededAsync(this);

    /// <summary>The password was wrong: its slots stay taken, and if they filled the account's window, its owner is warned.</summary>
    public Task FailedAsync() => Throttle.FailedAsync(this);

    /// <summary>
    /// Runs the password check; if the site is too busy to check it, the slots are given back before the busy
    /// answer, so a storm's refused attempts never count as wrong passwords (nor lock the account).
    /// </summary>
    public async Task<T> CheckAsync<T>(Func<Task<T>> check)
    {
        try
        {
            return await check();
        }
        catch (Web.SiteBusyException)
        {
            await Throttle.AbandonedAsync(this);
            throw;
        }
    }
}
