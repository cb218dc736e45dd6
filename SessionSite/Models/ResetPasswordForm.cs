using System.ComponentModel.DataAnnotations;

namespace SessionSite.Models;

public sealed class ResetPasswordForm : NewPasswordFields
{
    /// <summary>The link's token, carried in a hidden field from the page the link opened.</summary>
    [Required, StringLength(64)]
    public string Token { get; set; } = "";
}
