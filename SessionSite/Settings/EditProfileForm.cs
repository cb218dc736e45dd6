using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Settings;

public sealed class EditProfileForm
{
    [Required(ErrorMessage = "Enter a display name: the name you see on every device where you're signed in."), StringLength(64, ErrorMessage = "A display name can be at most 64 characters."), NameText]
    [Display(Name = "Display name")]
    public string DisplayName { get; set; } = "";
}
