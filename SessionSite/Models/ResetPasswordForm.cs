using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Models;

public sealed class ResetPasswordForm
{
    /// <summary>The link's token, carried in a hidden field from the page the link opened.</summary>
    [Required, StringLength(64)]
    public string Token { get; set; } = "";

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
