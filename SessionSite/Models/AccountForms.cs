using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Models;

public sealed class EditProfileForm
{
    [Required, StringLength(64), PlainText]
    [Display(Name = "Display name")]
    public string DisplayName { get; set; } = "";
}

/// <summary>Downloading your data asks for the password: the file holds where and when you signed in.</summary>
public sealed class DownloadDataForm
{
    [Required, StringLength(128)]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";
}

public sealed class DeleteAccountForm
{
    [Required, StringLength(128)]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required, StringLength(254)]
    [Display(Name = "Type your email address to confirm")]
    public string ConfirmEmail { get; set; } = "";
}
