using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SessionSite.Mail;

/// <summary>Hands a mail to MailKit: the SMTP server of <c>Mail:Host</c>, or an .eml file in the pickup directory.</summary>
public sealed class MailTransport(IOptions<MailOptions> options, IHostEnvironment environment)
{
    private MailOptions Options => options.Value;

    public async Task SendAsync(OutgoingMail mail, string id, CancellationToken cancellationToken)
    {
        var message = Compose(mail);
        if (string.IsNullOrWhiteSpace(Options.Host))
        {
            var folder = Directory.CreateDirectory(Path.Combine(environment.ContentRootPath, Options.PickupDirectory)).FullName;
            // Written aside and renamed, so whatever picks up *.eml never reads a half-written mail.
            var path = Path.Combine(folder, $"{id}.eml");
            await message.WriteToAsync(path + ".tmp", cancellationToken);
            File.Move(path + ".tmp", path, overwrite: true);
            return;
        }
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(Options.Host, Options.Port, Security(Options.Security), cancellationToken);
        if (Options.UserName.Length > 0)
            await smtp.AuthenticateAsync(Options.UserName, Options.Password, cancellationToken);
        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }

    private MimeMessage Compose(OutgoingMail mail)
    {
        var message = new MimeMessage { Subject = mail.Subject };
        message.From.Add(MailboxAddress.Parse(Options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions Security(MailSecurity security) => security switch
    {
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}
