using Microsoft.Extensions.Options;
using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Throttling;

/// <summary>
/// Wrong answers on "confirm it's you", counted per session and per client IP, never in the account's sign-in
/// counter: an outsider failing sign-ins cannot stop the owner from confirming (and ending a stolen session), and a
/// thief holding only a cookie gets <see cref="ThrottlingOptions.ConfirmFailureLimit"/> guesses before the session ends.
/// Slots are taken before the check, as for sign-in, so parallel guesses never get past the limit.
/// </summary>
public sealed class ConfirmThrottle(SlidingWindow window, IOptions<ThrottlingOptions> options, TimeProvider clock)
{
    // A session lives at most 30 days ("remember me"): its failures are kept as long as it can be used.
    private static readonly TimeSpan SessionWindow = TimeSpan.FromDays(31);

    private ThrottlingOptions Options => options.Value;

    public async Task<ConfirmAttempt> BeginAsync(string? ip, string userId, string storageHash)
    {
        var now = clock.GetUtcNow();
        var attempt = new ConfirmAttempt(this, $"throttle:confirm:ip:{ip ?? "unknown"}", RedisKeys.ConfirmFailures(userId, storageHash), SlidingWindow.NewMember(now));
        // The session first: a spent session is ended whatever its address's count.
        var take = await window.TakeEachAsync(
            [new(attempt.SessionKey, SessionWindow, Options.ConfirmFailureLimit), new(attempt.IpKey, Options.IpWindow, Options.IpFailureLimit)],
            now, attempt.Member);
        return take.Full switch
        {
            null => attempt,
            0 => attempt with { SessionSpent = true },
            _ => attempt with { Wait = take.Wait },
        };
    }

    internal Task GiveBackAsync(ConfirmAttempt attempt) =>
        Task.WhenAll(window.GiveBackAsync(attempt.IpKey, attempt.Member), window.GiveBackAsync(attempt.SessionKey, attempt.Member));

    /// <summary>True once the session has used up its wrong answers (the caller ends it).</summary>
    internal async Task<bool> IsSpentAsync(ConfirmAttempt attempt) =>
        await window.PeekAsync(attempt.SessionKey, SessionWindow, Options.ConfirmFailureLimit, clock.GetUtcNow()) is not null;
}

/// <summary>One answer's slots: kept as a failure unless given back on success (or when the site was too busy to check).</summary>
public sealed record ConfirmAttempt(ConfirmThrottle Throttle, RedisKey IpKey, RedisKey SessionKey, string Member)
{
    /// <summary>The client IP's limit is reached: answer 429 after this long, without checking anything.</summary>
    public TimeSpan? Wait { get; init; }

    /// <summary>The session has no wrong answers left: it must end.</summary>
    public bool SessionSpent { get; init; }

    public Task SucceededAsync() => Throttle.GiveBackAsync(this);

    public Task<bool> SessionSpentNowAsync() => Throttle.IsSpentAsync(this);

    /// <summary>Runs the check; a busy answer gives the slots back, so a storm never counts as wrong answers.</summary>
    public async Task<T> CheckAsync<T>(Func<Task<T>> check)
    {
        try
        {
            return await check();
        }
        catch (Web.SiteBusyException)
        {
            await Throttle.GiveBackAsync(this);
            throw;
        }
    }
}
