using System.ComponentModel.DataAnnotations;

namespace SessionSite.Settings;

/// <summary>"Confirm it's you": the password, and with two-step sign-in on a code from the app or a recovery code.</summary>
public sealed class ConfirmIdentityForm
{
    [Required(ErrorMessage = "Enter your password."), StringLength(128, ErrorMessage = "A password can be at most 128 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string CurrentPassword { get; set; } = "";

    [StringLength(40, ErrorMessage = "That is longer than any code.")]
    [Display(Name = "Code from your app, or a recovery code")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>What the confirm page shows: the form, whether it asks for a code, and what it is guarding.</summary>
public sealed record ConfirmIdentityPage(ConfirmIdentityForm Form, bool AsksForCode, string Guarding);
