using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Models;

public sealed class SignUpForm
{
    [Required, EmailAddress, StringLength(254), PlainText]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required, StringLength(64), PlainText]
    [Display(Name = "Display name")]
    public string DisplayName { get; set; } = "";

    [Required, StringLength(128, MinimumLength = 8, ErrorMessage = "The password must be 8 to 128 characters long.")]
    [NotCommonPassword]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Required, Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";
}
