using System.Globalization;
using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using SessionSite.Configuration;
using SessionSite.Links;
using SessionSite.Telemetry;

namespace SessionSite.Mail;

/// <summary>The mails an account receives: links it must open (issued here) and notices of what changed.</summary>
public sealed class AccountMail(
    SingleUseLinks links, RecoverLinks recoverLinks, MailOutbox outbox, UserStore users, IOptions<SiteOptions> site, SiteMetrics metrics) : IMailPreparer
{
    private const string ResetRequestKind = "reset-request";
    private const string VerifyRequestKind = "verify-request";

    private string BaseUrl => site.Value.PublicBaseUrl.TrimEnd('/');

    public async Task SendVerificationAsync(Account account)
    {
        metrics.LinkRequested(MetricTags.VerifyEmailLink);
        if (await VerificationAsync(account) is { } mail)
            await outbox.QueueAsync(mail);
    }

    /// <summary>
    /// Queues a reset for an address that may or may not have an account: the request costs one XADD either way,
    /// and the sender looks the address up (<see cref="PrepareAsync"/>), so the answer's timing tells nothing.
    /// </summary>
    public Task RequestPasswordResetAsync(string email)
    {
        metrics.LinkRequested(MetricTags.ResetPasswordLink);
        return outbox.QueueAsync(new OutgoingMail(ResetRequestKind, email, "", "", ""));
    }

    /// <summary>
    /// Run by the mail sender just before sending. A reset or verification request was queued without looking the
    /// address up, so that a known and an unknown address take the same time to answer; the lookup happens here,
    /// off the request, and null means "nothing to send" (no such account, or nothing left to verify), not a bounce.
    /// </summary>
    public async Task<OutgoingMail?> PrepareAsync(OutgoingMail queued)
    {
        if (queued.Kind is not (ResetRequestKind or VerifyRequestKind))
            return queued;
        if (await users.FindByEmailAsync(queued.To) is not { } account)
            return null;
        if (queued.Kind == VerifyRequestKind)
            return account.EmailVerified ? null : await VerificationAsync(account);
        if (await links.IssueAsync(LinkPurpose.ResetPassword, account.Id, account.Email, account.CredentialStamp) is not { } token)
            return null; // deleted since it was looked up
        return MailTemplates.ResetPassword(account.Email, Link("/password/reset", token), Lifetime(LinkPurpose.ResetPassword));
    }

    /// <summary>The link to the new address; a notice to the old one, whose owner may not be the one asking.</summary>
    public async Task SendEmailChangeAsync(Account account, string newEmail)
    {
        metrics.LinkRequested(MetricTags.ChangeEmailLink);
        if (await links.IssueAsync(LinkPurpose.ChangeEmail, account.Id, newEmail, account.CredentialStamp, previousEmail: account.Email) is not { } token)
            return; // the account is gone
        await outbox.QueueAsync(MailTemplates.ConfirmNewEmail(newEmail, Link("/email/confirm", token), Lifetime(LinkPurpose.ChangeEmail)));
        await NoticeAsync("notice-email-change-requested", account.Email, "A change of your SessionSite email address was requested",
            $"Someone signed in to your account asked to change its email address to {newEmail}. Nothing changes unless that address confirms it.");
    }

    public Task NoticePasswordChangedAsync(string to, RecoverableEvent change) =>
        RecoverableNoticeAsync(change, "notice-password-changed", to, "Your SessionSite password was changed",
            "The password of your SessionSite account was just changed, and every other session was signed out.");

    public Task NoticePasswordResetAsync(string to) =>
        NoticeAsync("notice-password-reset", to, "Your SessionSite password was reset",
            "The password of your SessionSite account was just reset through a link mailed to you, and every session was signed out.");

    /// <summary>To the address the account left, which stays reserved for it as long as the notice's link lives.</summary>
    public Task NoticeEmailChangedAsync(string oldEmail, string newEmail, RecoverableEvent change) =>
        RecoverableNoticeAsync(change, "notice-email-changed", oldEmail, "Your SessionSite email address was changed",
            $"Your SessionSite account now uses {newEmail}; mail will no longer come to this address, and for "
            + $"{RecoverLinks.LifetimeText} nobody else can take it.");

    public Task NoticeEmailVerifiedAsync(string to) =>
        NoticeAsync("notice-email-verified", to, "Your email address is confirmed",
            $"{to} is now the confirmed address of your SessionSite account.");

    public Task NoticeTwoStepAsync(string to, string what, RecoverableEvent change) =>
        RecoverableNoticeAsync(change, "notice-two-step", to, "Two-step sign-in on your SessionSite account changed", what);

    public Task NoticePasskeyAsync(string to, string what, RecoverableEvent change) =>
        RecoverableNoticeAsync(change, "notice-passkey", to, "The passkeys of your SessionSite account changed", what);

    /// <summary>Announces a sign-in from a browser the account had not used; it never asks for a password.</summary>
    public Task NoticeNewDeviceAsync(string to, string device, string? ip, DateTimeOffset at, RecoverableEvent change) =>
        RecoverableNoticeAsync(change, "notice-new-device", to, "New sign-in to your SessionSite account",
            $"Your SessionSite account was signed in from a browser it had not used before: {device}, IP address {ip ?? "unknown"}, "
            + $"at {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)}. "
            + $"If it was you, there is nothing to do. Your sessions: {BaseUrl}/sessions");

    /// <summary>After "this wasn't me": the way back in, to the account's own address, valid under the stamp that just moved.</summary>
    public async Task SendRecoveredResetAsync(Account account)
    {
        if (await links.IssueAsync(LinkPurpose.ResetPassword, account.Id, account.Email, account.CredentialStamp) is not { } token)
            return; // deleted since
        await outbox.QueueAsync(MailTemplates.AccountRecovered(account.Email, Link("/password/reset", token), Lifetime(LinkPurpose.ResetPassword)));
    }

    public Task NoticeAccountDeletedAsync(string to) =>
        outbox.QueueAsync(MailTemplates.FinalNotice("notice-account-deleted", to, "Your SessionSite account was deleted",
            "Your SessionSite account, its sessions and its activity were deleted, and every browser was signed out. "
            + "This address can sign up again at any time.",
            "If this wasn't you, someone knew your password: the account cannot be brought back, but you can sign up again with this "
            + "address, and should change that password anywhere else you use it."));

    public Task NoticeSignUpAttemptAsync(string to) =>
        outbox.QueueAsync(MailTemplates.FinalNotice("notice-signup-attempt", to, "Someone tried to sign up with your address",
            "Someone tried to create a SessionSite account with this address, which already has one. No new account was made. "
            + $"If it was you, sign in instead, or reset your password at {BaseUrl}/password/forgot if you have forgotten it.",
            "If this wasn't you, you can ignore this mail: an attempt to sign up gives nobody access to your account."));

    /// <summary>After a recovery code was used (at sign-in or to confirm it's you): how many are left.</summary>
    public Task NoticeRecoveryCodeUsedAsync(string to, long left) =>
        NoticeAsync("notice-recovery-code-used", to, "A recovery code was used on your SessionSite account",
            $"A recovery code was just used for two-step sign-in on your account: {left} of your recovery codes {(left == 1 ? "is" : "are")} left. "
            + "Make new ones on the two-step sign-in page if you are running out.");

    private Task NoticeAsync(string kind, string to, string subject, string what) =>
        outbox.QueueAsync(MailTemplates.Notice(kind, to, subject, what, BaseUrl));

    // Without a link (the account was deleted meanwhile) the notice still goes, with the advice that still holds.
    private async Task RecoverableNoticeAsync(RecoverableEvent change, string kind, string to, string subject, string what)
    {
        // Bound to the mailbox it goes to: using it puts that address back, so a reset never goes to an address the notice did not.
        if (await recoverLinks.IssueAsync(change with { OldEmail = to }) is { } token)
            await outbox.QueueAsync(MailTemplates.RecoverableNotice(kind, to, subject, what, Link("/account/recover", token),
                RecoverLinks.LifetimeText));
        else
            await outbox.QueueAsync(MailTemplates.FinalNotice(kind, to, subject, what, "If this wasn't you, the account no longer exists."));
    }

    private Uri Link(string path, string token) => new($"{BaseUrl}{path}?token={token}");

    private static string Lifetime(LinkPurpose purpose) => LinkLifetimes.Describe(LinkLifetimes.Of(purpose));

    /// <summary>
    /// The account's password throttle filled (built by the sender, which looked the address up). Names no
    /// password and carries no token: only the public forgot-password page.
    /// </summary>
    public OutgoingMail SignInPausedWarning(string to, DateTimeOffset until) =>
        MailTemplates.Warning("warning-sign-in-paused", to, "Sign-in to your SessionSite account is paused",
            $"Sign-in to your SessionSite account is paused until {until.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} (UTC) "
            + "after many wrong passwords. If it was not you, there is nothing to do: the wrong passwords were refused, and sign-in opens "
            + "again by itself. If it was you, reset your password here:",
            new Uri($"{BaseUrl}/password/forgot"),
            "SessionSite never asks for your password by mail.");

    public Task WarnSecondStepFailingAsync(string to) =>
        NoticeAsync("warning-second-step", to, "Someone signed in with your SessionSite password but not the code",
            "Someone signed in to your SessionSite account with your password, then entered wrong two-step codes several times in a row. "
            + "Your password is known to someone else: change your password.");

    /// <summary>
    /// Queues a new confirmation link for an address that may or may not have an unconfirmed account: one XADD
    /// either way, and the sender looks it up (<see cref="PrepareAsync"/>), so the answer's timing tells nothing.
    /// </summary>
    public Task RequestVerificationAsync(string email)
    {
        metrics.LinkRequested(MetricTags.VerifyEmailLink);
        return outbox.QueueAsync(new OutgoingMail(VerifyRequestKind, email, "", "", ""));
    }

    /// <summary>The verification mail, or null when the account was deleted since it was read.</summary>
    private async Task<OutgoingMail?> VerificationAsync(Account account)
    {
        if (await links.IssueAsync(LinkPurpose.VerifyEmail, account.Id, account.Email, account.CredentialStamp) is not { } token)
            return null;
        return MailTemplates.VerifyEmail(account.Email, account.DisplayName, Link("/email/verify", token), Lifetime(LinkPurpose.VerifyEmail));
    }
}
