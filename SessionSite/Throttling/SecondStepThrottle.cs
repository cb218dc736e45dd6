using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Throttling;

/// <summary>
/// Wrong second-step codes (authenticator or recovery), counted per account in their own window and per client IP
/// in the sign-in IP window. Only a completed second step clears the account's count: a right password must not,
/// or whoever holds the password could guess codes without end, re-entering it every few tries.
/// </summary>
public sealed class SecondStepThrottle(SlidingWindow window, AttackWarnings warnings, IOptions<ThrottlingOptions> options, TimeProvider clock)
{
    /// <summary>Wrong codes in a row after which the owner is warned that their password is known.</summary>
    public const int WarnAfter = 5;

    private ThrottlingOptions Options => options.Value;

    /// <summary>Takes a slot for one code check; <see cref="CodeAttempt.Wait"/> set (nothing kept) means answer 429 unchecked.</summary>
    public async Task<CodeAttempt> BeginAsync(string? ip, string userId)
    {
        var now = clock.GetUtcNow();
        var attempt = new CodeAttempt(SignInThrottle.IpKey(ip), RedisKeys.SecondStepFailures(userId), SlidingWindow.NewMember(now));
        var take = await window.TakeEachAsync(
            [new(attempt.IpKey, Options.IpWindow, Options.IpFailureLimit), new(attempt.AccountKey, Options.SecondStepWindow, Options.SecondStepFailureLimit)],
            now, attempt.Member);
        return take.Allowed ? attempt with { Failures = take.Taken } : attempt with { Wait = take.Wait };
    }

    /// <summary>The second step is complete: the IP's slot is given back and the account's wrong codes forgotten.</summary>
    public Task SucceededAsync(CodeAttempt attempt) =>
        Task.WhenAll(window.GiveBackAsync(attempt.IpKey, attempt.Member), window.ClearAsync(attempt.AccountKey));

    /// <summary>The code was wrong: warns the owner from <see cref="WarnAfter"/> on; true when this one filled the window.</summary>
    public async Task<bool> FailedAsync(CodeAttempt attempt, Account account)
    {
        if (attempt.Failures >= WarnAfter)
            await warnings.SecondStepFailingAsync(account);
        return attempt.Failures >= Options.SecondStepFailureLimit;
    }
}

/// <summary>One second-step check's slots; <see cref="Failures"/> counts the account's wrong codes in the window, this one included.</summary>
public sealed record CodeAttempt(RedisKey IpKey, RedisKey AccountKey, string Member)
{
    public TimeSpan? Wait { get; init; }

    public long Failures { get; init; }
}
