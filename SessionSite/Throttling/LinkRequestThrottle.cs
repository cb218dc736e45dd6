using Microsoft.Extensions.Options;
using SessionSite.Redis;

namespace SessionSite.Throttling;

/// <summary>
/// How many mailed links (password reset, verification again, email change) and sign-up notices one address,
/// one client IP and one account may cause per window. Past it nothing is sent, and the page says the same as
/// ever, so the limit reveals nothing either. Each kind counts apart: a stranger's email-change requests to an
/// address must not use up its owner's password resets.
/// </summary>
public sealed class LinkRequestThrottle(SlidingWindow window, IOptions<ThrottlingOptions> options, TimeProvider clock)
{
    private ThrottlingOptions Options => options.Value;

    public async Task<bool> AllowAsync(string? ip, string email)
    {
        var now = clock.GetUtcNow();
        return (await window.TakeEachAsync(
            [new($"throttle:links:ip:{ip ?? "unknown"}", Options.LinkRequestWindow, Options.LinkRequestsPerIp),
                new(SlidingWindow.AddressKey("throttle:links:address:", email), Options.LinkRequestWindow, Options.LinkRequestsPerAddress)],
            now, SlidingWindow.NewMember(now))).Allowed;
    }

    /// <summary>An email change from account <paramref name="userId"/> to <paramref name="newEmail"/>: per client IP, per account, per target.</summary>
    public async Task<bool> AllowEmailChangeAsync(string? ip, string userId, string newEmail)
    {
        var now = clock.GetUtcNow();
        return (await window.TakeEachAsync(
            [new($"throttle:email-change:ip:{ip ?? "unknown"}", Options.LinkRequestWindow, Options.EmailChangesPerIp),
                new(RedisKeys.EmailChangeRequests(userId), Options.LinkRequestWindow, Options.EmailChangesPerAccount),
                new(SlidingWindow.AddressKey("throttle:email-change:address:", newEmail), Options.LinkRequestWindow, Options.EmailChangesPerAddress)],
            now, SlidingWindow.NewMember(now))).Allowed;
    }

    /// <summary>A "someone tried to sign up with your address" notice to <paramref name="email"/>.</summary>
    public async Task<bool> AllowSignUpNoticeAsync(string email)
    {
        var now = clock.GetUtcNow();
        var key = SlidingWindow.AddressKey("throttle:signup-notice:address:", email);
        return await window.TryTakeAsync(key, Options.LinkRequestWindow, Options.SignUpNoticesPerAddress, now, SlidingWindow.NewMember(now)) is null;
    }
}
