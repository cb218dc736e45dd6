using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Models;

public sealed class ChangeEmailForm
{
    [Required, EmailAddress, StringLength(254), PlainText]
    [Display(Name = "New email")]
    public string NewEmail { get; set; } = "";

    [Required, StringLength(128)]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";
}
