namespace SessionSite.Mail;

/// <summary>
/// Turns a queued request into the mail to send, just before sending: lets a request queue work whose cost
/// must not show in its answer (a password reset for an address that may have no account). Null drops it.
/// </summary>
public interface IMailPreparer
{
    Task<OutgoingMail?> PrepareAsync(OutgoingMail queued);
}
