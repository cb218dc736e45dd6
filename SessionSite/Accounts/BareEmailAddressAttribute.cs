using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace SessionSite.Accounts;

/// <summary>
/// An address a new account or an email change may take: one bare mailbox as MimeKit reads it, with no display
/// name (<c>"second account" &lt;a@b.com&gt;</c> would be a second account on one mailbox, and its text would
/// travel in our mails), no list, no angle brackets and no trailing dot. Used beside <c>[EmailAddress]</c>, which
/// answers for input that is not an address at all, so the field shows one message. Sign-in and forgot-password
/// keep the looser rule, so accounts made before this still work.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BareEmailAddressAttribute : ValidationAttribute
{
    private static readonly EmailAddressAttribute Loose = new();

    public BareEmailAddressAttribute()
        : base("Enter only the address, like name@example.com: no name, no second address, no dot at the end.")
    {
    }

    public override bool IsValid(object? value)
    {
        if (value is not string text || !Loose.IsValid(text))
            return true;
        var trimmed = text.Trim();
        return !trimmed.EndsWith('.')
            && MailboxAddress.TryParse(trimmed, out var mailbox)
            && string.IsNullOrEmpty(mailbox.Name)
            && mailbox.Address == trimmed;
    }
}
