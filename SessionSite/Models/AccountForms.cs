using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Models;

public sealed class EditProfileForm
{
    [Required(ErrorMessage = "Enter the name other people will see."), StringLength(64, ErrorMessage = "A display name can be at most 64 characters."), PlainText]
    [Display(Name = "Display name")]
    public string DisplayName { get; set; } = "";
}

/// <summary>Downloading your data asks for the password: the file holds where and when you signed in.</summary>
public sealed class DownloadDataForm
{
    [Required(ErrorMessage = "Enter your current password."), StringLength(128, ErrorMessage = "A password can be at most 128 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";
}

public sealed class DeleteAccountForm
{
    [Required(ErrorMessage = "Enter your current password."), StringLength(128, ErrorMessage = "A password can be at most 128 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Type the email address of this account."), StringLength(254, ErrorMessage = "An email address can be at most 254 characters.")]
    [Display(Name = "Type your email address to confirm")]
    public string ConfirmEmail { get; set; } = "";
}
