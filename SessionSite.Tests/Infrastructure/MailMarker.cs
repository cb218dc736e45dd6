using SessionSite.Tests.Pages;

namespace SessionSite.Tests.Infrastructure;

/// <summary>
/// To show a mail was not sent: queue a later one to the same account (a reset link) and wait for it. The outbox
/// sends in order, so once the marker has come, every mail queued before it has too.
/// </summary>
public static class MailMarker
{
    private const string ResetSubject = "Reset your SessionSite password";

    public static async Task SendAsync(SmtpCatcher smtp, Browser browser, string email)
    {
        var before = smtp.To(email).Count(m => m.Subject == ResetSubject);
        await (await ForgotPasswordPage.OpenAsync(browser)).AskForLinkAsync(email);
        await Poll.UntilAsync(() => smtp.To(email).Count(m => m.Subject == ResetSubject) > before, "the marker mail");
    }
}
