using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Settings;

public sealed class EditProfileForm
{
    [Required(ErrorMessage = "Enter a display name: the name you see on every device where you're signed in."), StringLength(64, ErrorMessage = "A display name can be at most 64 characters."), NameText]
    [Display(Name = "Display name")]
    public string DisplayName { get; set; } = "";
}

/// <summary>Deleting is confirmed by typing the address (the identity check is "confirm it's you" before the page).</summary>
public sealed class DeleteAccountForm
{
    [Required(ErrorMessage = "Type the email address of this account."), StringLength(254, ErrorMessage = "An email address can be at most 254 characters.")]
    [Display(Name = "Type your email address to confirm")]
    public string ConfirmEmail { get; set; } = "";
}
