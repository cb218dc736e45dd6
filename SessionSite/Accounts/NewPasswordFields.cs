using System.ComponentModel.DataAnnotations;

namespace SessionSite.Accounts;

/// <summary>A new password and its confirmation, under the sign-up policy: the change and the reset forms share them.</summary>
public abstract class NewPasswordFields
{
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
