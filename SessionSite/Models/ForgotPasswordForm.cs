using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Models;

public sealed class ForgotPasswordForm
{
    [Required, EmailAddress, StringLength(254), PlainText]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";
}
