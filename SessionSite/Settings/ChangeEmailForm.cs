using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Settings;

public sealed class ChangeEmailForm
{
    [Required(ErrorMessage = "Enter the new email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com."), StringLength(254, ErrorMessage = "An email address can be at most 254 characters."), PlainText, BareEmailAddress]
    [Display(Name = "New email")]
    public string NewEmail { get; set; } = "";
}
