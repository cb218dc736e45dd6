using System.ComponentModel.DataAnnotations;

namespace SessionSite.TwoStep;

public sealed class TwoStepEnrolForm
{
    [Required(ErrorMessage = "Enter the 6-digit code your app shows.")]
    [StringLength(10)]
    [Display(Name = "Code from your app")]
    public string Code { get; set; } = "";

    /// <summary>The new secret, sealed with data protection for 15 minutes, so the page can stay stateless.</summary>
    [Required, StringLength(1000)]
    public string PendingSecret { get; set; } = "";
}

/// <summary>What the enrolment page shows: the secret as text, as a QR code and as an otpauth:// URI.</summary>
public sealed record TwoStepEnrolment(string Secret, string QrDataUri, string OtpAuthUri, TwoStepEnrolForm Form);
