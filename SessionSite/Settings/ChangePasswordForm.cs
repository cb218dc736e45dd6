using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Settings;

public sealed class ChangePasswordForm : NewPasswordFields
{
    [Required(ErrorMessage = "Enter your current password."), StringLength(128, ErrorMessage = "A password can be at most 128 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";
}
