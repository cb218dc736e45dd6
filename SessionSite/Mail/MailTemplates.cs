using System.Text.Encodings.Web;

namespace SessionSite.Mail;

/// <summary>
/// The site's mails, each as plain text and HTML. A mail carries no secret but its one link, says how long the
/// link lives, and tells the reader what to do if it wasn't them.
/// </summary>
public static class MailTemplates
{
    private const string NotYou = "If this wasn't you, you can ignore this mail";
    private const string NotYouSecure = "If this wasn't you, reset your password now at {0}/password/forgot and review your sessions";

    public static OutgoingMail VerifyEmail(string to, string name, Uri link, string lifetime) => Build("verify", to,
        "Confirm your email address for SessionSite",
        $"Hello {name},",
        $"Open this link to confirm that {to} is your address. It works once, for {lifetime}:",
        link, $"{NotYou}: nothing happens until the link is opened.");

    public static OutgoingMail ResetPassword(string to, Uri link, string lifetime) => Build("reset", to,
        "Reset your SessionSite password",
        "Hello,",
        $"Someone asked to reset the password of the SessionSite account for {to}. Open this link to choose a new one. It works once, for {lifetime}:",
        link, $"{NotYou}: your password stays as it is.");

    public static OutgoingMail ConfirmNewEmail(string to, Uri link, string lifetime) => Build("email-change", to,
        "Confirm your new email address for SessionSite",
        "Hello,",
        $"Open this link to make {to} the address of your SessionSite account. It works once, for {lifetime}; until then nothing changes:",
        link, $"{NotYou}: no account will use this address.");

    public static OutgoingMail Notice(string kind, string to, string subject, string what, string baseUrl) => Build(kind, to,
        subject, "Hello,", what, link: null, string.Format(System.Globalization.CultureInfo.InvariantCulture, NotYouSecure, baseUrl) + ".");

    /// <summary>A warning whose closing line is its own (the usual "if this wasn't you" advice would be wrong for it).</summary>
    public static OutgoingMail Warning(string kind, string to, string subject, string what, Uri link, string closing) => Build(kind, to,
        subject, "Hello,", what, link, closing);

    private static OutgoingMail Build(string kind, string to, string subject, string greeting, string body, Uri? link, string notYou)
    {
        var text = $"{greeting}\n\n{body}\n\n{(link is null ? "" : link + "\n\n")}{notYou}\n\n— SessionSite\n";
        var html = HtmlEncoder.Default;
        var linkHtml = link is null ? "" : $"<p><a href=\"{html.Encode(link.ToString())}\">{html.Encode(link.ToString())}</a></p>";
        var page = $"<!DOCTYPE html><html><body><p>{html.Encode(greeting)}</p><p>{html.Encode(body)}</p>{linkHtml}<p>{html.Encode(notYou)}</p><p>— SessionSite</p></body></html>";
        return new OutgoingMail(kind, to, subject, text, page);
    }
}
