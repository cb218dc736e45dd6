using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Models;

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Enter your current password."), StringLength(128, ErrorMessage = "A password can be at most 128 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password of at least 8 characters."), StringLength(128, MinimumLength = 8, ErrorMessage = "The new password must be 8 to 128 characters long.")]
    [NotCommonPassword]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Type the new password again."), Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm new password")]
    public string ConfirmNewPassword { get; set; } = "";
}
