using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Models;

public sealed class SignInForm
{
    [Required, EmailAddress, StringLength(254), PlainText]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required, StringLength(128)]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Display(Name = "Remember me")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}
