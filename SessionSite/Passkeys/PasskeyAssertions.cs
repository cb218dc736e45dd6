using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Redis;
using SessionSite.Throttling;
using SessionSite.Web;
using StackExchange.Redis;

namespace SessionSite.Passkeys;

/// <summary>
/// Proving it is you with a passkey (to sign in, as the second step, or to confirm): the framework's handler checks
/// the assertion (signature, challenge, RP id, origin, user verification, counter) against the state sealed in
/// <see cref="AssertionCookie"/>; here the state is made single use (its hash recorded with SET NX until it would
/// expire), failures count against the client address like wrong passwords, and the counter is written in the
/// user's slot only if it still goes up. No password hashing anywhere: a password storm never queues this.
/// </summary>
public sealed class PasskeyAssertions(
    IPasskeyHandler<PasskeyUser> handler,
    AssertionCookie cookie,
    RedisPasskeyStore store,
    IConnectionMultiplexer redis,
    SlidingWindow window,
    IOptions<ThrottlingOptions> throttling,
    TimeProvider clock,
    SecurityLog log)
{
    public const string SignIn = "signin";
    public const string SecondStep = "two-step";
    public const string Confirm = "confirm";

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Request options (JSON for <c>parseRequestOptionsFromJSON</c>); for a known user they list only that user's passkeys.</summary>
    public async Task<string> BeginAsync(HttpContext http, string purpose, Account? account = null)
    {
        var options = await handler.MakeRequestOptionsAsync(account is null ? null : new PasskeyUser(account), http);
        cookie.Write(http, purpose, options.AssertionState!);
        return options.RequestOptionsJson;
    }

    /// <summary>The account the assertion proves, or why not.</summary>
    public async Task<AssertionOutcome> FinishAsync(HttpContext http, string purpose, string? credentialJson)
    {
        if (string.IsNullOrEmpty(credentialJson))
            return AssertionOutcome.Refused(AssertionRefusal.NoCredential);
        var now = clock.GetUtcNow();
        var ipKey = SignInThrottle.IpKey(ClientAddress.Of(http));
        var member = SlidingWindow.NewMember(now);
        if (await window.TryTakeAsync(ipKey, throttling.Value.IpWindow, throttling.Value.IpFailureLimit, now, member) is { } wait)
            return AssertionOutcome.Refused(AssertionRefusal.Throttled, wait);
        var outcome = await CheckAsync(http, purpose, credentialJson, expectedUserId: null);
        if (outcome.Account is not null)
            await window.GiveBackAsync(ipKey, member);
        else
            log.PasskeyRefused(http, outcome.Refusal.ToString());
        return outcome;
    }

    /// <summary>
    /// The second step or "confirm it's you": the assertion is accepted only for <paramref name="userId"/> (the
    /// half-way or signed-in session's own user), checked before its use is recorded. No throttle here: the caller
    /// counts a refusal in its own (the second-step or the confirm window), as it does a wrong code or password.
    /// </summary>
    public async Task<AssertionOutcome> VerifyAsync(HttpContext http, string purpose, string? credentialJson, string userId)
    {
        if (string.IsNullOrEmpty(credentialJson))
            return AssertionOutcome.Refused(AssertionRefusal.NoCredential);
        var outcome = await CheckAsync(http, purpose, credentialJson, userId);
        if (outcome.Account is null)
            log.PasskeyRefused(http, outcome.Refusal.ToString());
        return outcome;
    }

    private async Task<AssertionOutcome> CheckAsync(HttpContext http, string purpose, string credentialJson, string? expectedUserId)
    {
        if (cookie.Take(http, purpose) is not { } sealedState)
            return AssertionOutcome.Refused(AssertionRefusal.NoChallenge);
        // Claimed before the check, so two copies of one assertion racing each other get one answer between them.
        var used = RedisKeys.PasskeyChallengeUsed(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sealedState.State))));
        var live = sealedState.ExpiresAt - clock.GetUtcNow() + TimeSpan.FromMinutes(1);
        if (!await Db.StringSetAsync(used, "1", live, When.NotExists))
            return AssertionOutcome.Refused(AssertionRefusal.Replayed);
        var result = await handler.PerformAssertionAsync(new PasskeyAssertionContext
        {
            HttpContext = http, CredentialJson = credentialJson, AssertionState = sealedState.State,
        });
        if (!result.Succeeded)
            return AssertionOutcome.Refused(IsCounterFailure(result.Failure) ? AssertionRefusal.CounterNotIncreasing : AssertionRefusal.Invalid);
        if (expectedUserId is not null && result.User.Id != expectedUserId)
            return AssertionOutcome.Refused(AssertionRefusal.AnotherAccount);
        if (!await store.RecordUseAsync(result.User.Id, result.Passkey))
            return AssertionOutcome.Refused(AssertionRefusal.CounterNotIncreasing);
        return new AssertionOutcome(result.User.Account, AssertionRefusal.None, null);
    }

    // The handler says a counter that did not go up only in its message; a cloned authenticator is worth its own log line.
    private static bool IsCounterFailure(PasskeyException? failure) =>
        failure?.Message.Contains("signature counter", StringComparison.OrdinalIgnoreCase) == true;
}

public enum AssertionRefusal
{
    None,
    NoCredential,
    NoChallenge,
    Replayed,
    Invalid,
    CounterNotIncreasing,
    AnotherAccount,
    Throttled,
}

/// <summary>The proved account, or the refusal (and, when throttled, how long to wait).</summary>
public sealed record AssertionOutcome(Account? Account, AssertionRefusal Refusal, TimeSpan? Wait)
{
    public static AssertionOutcome Refused(AssertionRefusal why, TimeSpan? wait = null) => new(null, why, wait);
}
