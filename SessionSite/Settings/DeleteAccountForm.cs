using System.ComponentModel.DataAnnotations;

namespace SessionSite.Settings;

/// <summary>Deleting is confirmed by typing the address (the identity check is "confirm it's you" before the page).</summary>
public sealed class DeleteAccountForm
{
    [Required(ErrorMessage = "Type the email address of this account."), StringLength(254, ErrorMessage = "An email address can be at most 254 characters.")]
    [Display(Name = "Type your email address to confirm")]
    public string ConfirmEmail { get; set; } = "";
}
