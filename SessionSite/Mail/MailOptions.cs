using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace SessionSite.Mail;

public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The <c>Mail</c> section: where mail goes, and how hard the outbox tries before it gives up.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    /// <summary>SMTP server; empty writes each mail as an .eml file to <see cref="PickupDirectory"/> instead.</summary>
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    [Required]
    public string From { get; set; } = "SessionSite <no-reply@localhost>";

    /// <summary>Where mails are written when there is no <see cref="Host"/>; relative paths are under the content root.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "mail-pickup";

    /// <summary>Attempts per mail before it is given up with a logged error.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; each further failure doubles it (at most an hour).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a mail taken by another instance may stay unacknowledged before this one takes it over: longer
    /// than any send takes, so a busy instance is never mistaken for a dead one and no mail goes out twice.
    /// </summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each instance looks for mail to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(From, out _))
            yield return new ValidationResult("Mail:From must be a mailbox such as \"SessionSite <no-reply@example.com>\".");
        if (RetryDelay <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero || AbandonedAfter <= TimeSpan.Zero)
            yield return new ValidationResult("Mail:RetryDelay, Mail:PollInterval and Mail:AbandonedAfter must be positive.");
        if (UserName.Length > 0 && Security == MailSecurity.None)
            yield return new ValidationResult("Mail:UserName is set but Mail:Security is None: the password would cross the network in clear text.");
    }
}
