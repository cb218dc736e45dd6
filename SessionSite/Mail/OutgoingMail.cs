namespace SessionSite.Mail;

/// <summary>
/// One mail as the outbox holds it: already written, so any instance can send it as it is. <c>Kind</c> (verify,
/// reset, notice …) is what logs name: the address never is logged.
/// </summary>
public sealed record OutgoingMail(string Kind, string To, string Subject, string Text, string Html);
