using System.Globalization;
using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using SessionSite.Mail;
using SessionSite.Redis;

namespace SessionSite.Throttling;

/// <summary>
/// Tells an account's owner that someone is guessing at it, within the <see cref="WarningAllowance"/>. A paused
/// sign-in is reported by address, for accounts and unknown addresses alike, and looked up only by the mail sender
/// (<see cref="PrepareAsync"/>), as a password reset is: the answer that trips the throttle tells nothing either.
/// </summary>
public sealed class AttackWarnings(
    WarningAllowance allowance, AccountMail mail, MailOutbox outbox, UserStore users, IOptions<ThrottlingOptions> options) : IMailPreparer
{
    private const string SignInPausedRequestKind = "sign-in-paused-request";

    private ThrottlingOptions Options => options.Value;

    /// <summary>The password throttle of <paramref name="email"/> just filled: sign-in is paused until <paramref name="until"/>.</summary>
    public async Task SignInPausedAsync(string email, DateTimeOffset until)
    {
        if (await allowance.TryTakeAsync(SlidingWindow.AddressKey("throttle:warned:sign-in-paused:", email), Options.AccountWindow))
        {
            var untilText = until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            await outbox.QueueAsync(new OutgoingMail(SignInPausedRequestKind, email, "", untilText, "")); // the request carries its time as text
        }
    }

    public async Task<OutgoingMail?> PrepareAsync(OutgoingMail queued)
    {
        if (queued.Kind != SignInPausedRequestKind)
            return queued;
        return await users.FindByEmailAsync(queued.To) is { } account && long.TryParse(queued.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var until)
            ? mail.SignInPausedWarning(account.Email, DateTimeOffset.FromUnixTimeMilliseconds(until))
            : null;
    }

    /// <summary>Someone who holds the password keeps entering wrong second-step codes.</summary>
    public async Task SecondStepFailingAsync(Account account)
    {
        if (await allowance.TryTakeAsync(RedisKeys.WarningsSent(account.Id, RedisKeys.SecondStepFailingWarning), Options.SecondStepWindow))
            await mail.WarnSecondStepFailingAsync(account.Email);
    }
}
