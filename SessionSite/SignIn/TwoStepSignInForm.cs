using System.ComponentModel.DataAnnotations;

namespace SessionSite.SignIn;

public sealed class TwoStepSignInForm
{
    [StringLength(10)]
    [Display(Name = "Code from your app")]
    public string? Code { get; set; }

    [StringLength(40)]
    [Display(Name = "Recovery code")]
    public string? RecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }
}
