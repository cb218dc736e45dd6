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
    private const string NotYouRecover =
        "If this wasn't you, open this link: {0} ({1}). It signs every session out, retires the current password, removes what was added to "
        + "your account's sign-in since, and mails a password-reset link to your account's address.";

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

    /// <summary>A notice to an address that is still the account's, so a reset from there reaches its owner.</summary>
    public static OutgoingMail Notice(string kind, string to, string subject, string what, string baseUrl) => Build(kind, to,
        subject, "Hello,", what, link: null, string.Format(System.Globalization.CultureInfo.InvariantCulture, NotYouSecure, baseUrl) + ".");

    /// <summary>A warning whose closing line is its own (the usual "if this wasn't you" advice would be wrong for it).</summary>
    public static OutgoingMail Warning(string kind, string to, string subject, string what, Uri link, string closing) => Build(kind, to,
        subject, "Hello,", what, link, closing);

    /// <summary>A notice of a change the reader can undo with its "this wasn't me" link.</summary>
    public static OutgoingMail RecoverableNotice(string kind, string to, string subject, string what, Uri recoverLink, string lifetime) => Build(kind, to,
        subject, "Hello,", what, link: null, string.Format(System.Globalization.CultureInfo.InvariantCulture, NotYouRecover, recoverLink, lifetime),
        notYouLink: recoverLink);

    /// <summary>A notice with its own advice, for when a password reset would lead nowhere (the account is gone).</summary>
    public static OutgoingMail FinalNotice(string kind, string to, string subject, string what, string notYou) =>
        Build(kind, to, subject, "Hello,", what, link: null, notYou);

    public static OutgoingMail AccountRecovered(string to, Uri resetLink, string lifetime) => Build("recovered", to,
        "Choose a new SessionSite password",
        "Hello,",
        $"As you asked, every session of your SessionSite account was signed out and its password retired. Open this link to choose a new one. It works once, for {lifetime}:",
        resetLink, "Until you choose a new password, nobody can sign in to the account, and a new reset link can be asked for at any time.");

    private static OutgoingMail Build(string kind, string to, string subject, string greeting, string body, Uri? link, string notYou, Uri? notYouLink = null)
    {
        var text = $"{greeting}\n\n{body}\n\n{(link is null ? "" : link + "\n\n")}{notYou}\n\n— SessionSite\n";
        var html = HtmlEncoder.Default;
        var linkHtml = link is null ? "" : $"<p><a href=\"{html.Encode(link.ToString())}\">{html.Encode(link.ToString())}</a></p>";
        var page = $"<!DOCTYPE html><html><body><p>{html.Encode(greeting)}</p><p>{html.Encode(body)}</p>{linkHtml}<p>{NotYouHtml(notYou, notYouLink)}</p><p>— SessionSite</p></body></html>";
        return new OutgoingMail(kind, to, subject, text, page);
    }

    // The "this wasn't me" link sits inside its sentence; in HTML it is made a link there.
    private static string NotYouHtml(string notYou, Uri? link)
    {
        var html = HtmlEncoder.Default;
        var encoded = html.Encode(notYou);
        if (link is null)
            return encoded;
        var href = html.Encode(link.ToString());
        return encoded.Replace(href, $"<a href=\"{href}\">{href}</a>", StringComparison.Ordinal);
    }
}
