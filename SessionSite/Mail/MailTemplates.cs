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

    private const string WhySecurity = "You got this mail because SessionSite tells the owner of an account's address about every change to its sign-in.";

    public static OutgoingMail VerifyEmail(string to, string name, Uri link, string lifetime) => Build("verify", to,
        "Confirm your email address for SessionSite",
        $"Hello {name},",
        $"Open this link to confirm that {to} is your address. It works once, for {lifetime}:",
        new MailLink(link, "Confirm my address"), $"{NotYou}: nothing happens until the link is opened.",
        "You got this mail because this address was given when signing up at SessionSite.");

    public static OutgoingMail ResetPassword(string to, Uri link, string lifetime) => Build("reset", to,
        "Reset your SessionSite password",
        "Hello,",
        $"Someone asked to reset the password of the SessionSite account for {to}. Open this link to choose a new one. It works once, for {lifetime}:",
        new MailLink(link, "Choose a new password"), $"{NotYou}: your password stays as it is.",
        "You got this mail because a new password was asked for this address at SessionSite.");

    public static OutgoingMail ConfirmNewEmail(string to, Uri link, string lifetime) => Build("email-change", to,
        "Confirm your new email address for SessionSite",
        "Hello,",
        $"Open this link to make {to} the address of your SessionSite account. It works once, for {lifetime}; until then nothing changes:",
        new MailLink(link, "Confirm the new address"), $"{NotYou}: no account will use this address.",
        "You got this mail because this address was given as the new address of a SessionSite account.");

    /// <summary>A notice to an address that is still the account's, so a reset from there reaches its owner.</summary>
    public static OutgoingMail Notice(string kind, string to, string subject, string what, string baseUrl) => Build(kind, to,
        subject, "Hello,", what, link: null, string.Format(System.Globalization.CultureInfo.InvariantCulture, NotYouSecure, baseUrl) + ".", WhySecurity);

    /// <summary>A warning whose closing line is its own (the usual "if this wasn't you" advice would be wrong for it).</summary>
    public static OutgoingMail Warning(string kind, string to, string subject, string what, Uri link, string closing) => Build(kind, to,
        subject, "Hello,", what, new MailLink(link, "Reset my password"), closing, WhySecurity);

    /// <summary>A notice of a change the reader can undo with its "this wasn't me" link: the only mails that fill that slot.</summary>
    public static OutgoingMail RecoverableNotice(string kind, string to, string subject, string what, Uri recoverLink, string lifetime) => Build(kind, to,
        subject, "Hello,", what, link: null, string.Format(System.Globalization.CultureInfo.InvariantCulture, NotYouRecover, recoverLink, lifetime),
        WhySecurity, notYouLink: recoverLink);

    /// <summary>A notice with its own advice, for when a password reset would lead nowhere (the account is gone).</summary>
    public static OutgoingMail FinalNotice(string kind, string to, string subject, string what, string notYou) =>
        Build(kind, to, subject, "Hello,", what, link: null, notYou, WhySecurity);

    public static OutgoingMail AccountRecovered(string to, Uri resetLink, string lifetime) => Build("recovered", to,
        "Choose a new SessionSite password",
        "Hello,",
        $"As you asked, every session of your SessionSite account was signed out and its password retired. Open this link to choose a new one. It works once, for {lifetime}:",
        new MailLink(resetLink, "Choose a new password"), "Until you choose a new password, nobody can sign in to the account, and a new reset link can be asked for at any time.",
        "You got this mail because \"This wasn't me\" was used in a mail SessionSite sent to this address.");

    /// <summary>
    /// The one layout of every mail, as text and as HTML: the site's name, what happened, the link (a button in
    /// HTML, the bare address in text, once), what to do if it wasn't you (with the "this wasn't me" button when
    /// the mail has one), and why the reader got it.
    /// </summary>
    private static OutgoingMail Build(string kind, string to, string subject, string greeting, string body, MailLink? link, string notYou, string why, Uri? notYouLink = null)
    {
        var text = $"SessionSite\n\n{greeting}\n\n{body}\n\n{(link is null ? "" : link.Address + "\n\n")}{notYou}\n\n{why}\n\n— SessionSite\n";
        var html = HtmlEncoder.Default;
        var linkHtml = link is null ? "" : $"<p>{Button(link.Address, link.Label, "#0d6efd")}</p><p style=\"font-size:13px;color:#555\">Or open this address: {html.Encode(link.Address.ToString())}</p>";
        var notYouButton = notYouLink is null ? "" : $"<p>{Button(notYouLink, "This wasn't me", "#b02a37")}</p>";
        var page = "<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;line-height:1.5;color:#212529;max-width:36rem\">"
            + "<p style=\"font-size:20px;font-weight:600\">SessionSite</p>"
            + $"<p>{html.Encode(greeting)}</p><p>{html.Encode(body)}</p>{linkHtml}<p>{NotYouHtml(notYou, notYouLink)}</p>{notYouButton}"
            + $"<p class=\"why\" style=\"font-size:13px;color:#555\">{html.Encode(why)}</p><p>— SessionSite</p></body></html>";
        return new OutgoingMail(kind, to, subject, text, page);
    }

    private static string Button(Uri href, string label, string colour) =>
        $"<a class=\"button\" href=\"{HtmlEncoder.Default.Encode(href.ToString())}\" style=\"display:inline-block;padding:10px 18px;border-radius:6px;"
        + $"background:{colour};color:#fff;text-decoration:none;font-weight:600\">{HtmlEncoder.Default.Encode(label)}</a>";

    private sealed record MailLink(Uri Address, string Label);

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
