using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.SignUp;

public sealed class SignUpForm
{
    [Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com."), StringLength(254, ErrorMessage = "An email address can be at most 254 characters."), PlainText, BareEmailAddress]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter a display name: the name you see on every device where you're signed in."), StringLength(64, ErrorMessage = "A display name can be at most 64 characters."), NameText]
    [Display(Name = "Display name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Choose a password of at least 8 characters."), StringLength(128, MinimumLength = 8, ErrorMessage = "The password must be 8 to 128 characters long.")]
    [NotCommonPassword]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again."), Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";
}
