using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Recovery;

public sealed class ResetPasswordForm : NewPasswordFields
{
    /// <summary>The link's token (<c>userId.token</c>), carried in a hidden field from the page the link opened.</summary>
    [Required, StringLength(100)]
    public string Token { get; set; } = "";
}
