using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Recovery;

public sealed class ForgotPasswordForm
{
    [Required(ErrorMessage = "Enter the email address you signed up with."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com."), StringLength(254, ErrorMessage = "An email address can be at most 254 characters."), PlainText]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";
}
