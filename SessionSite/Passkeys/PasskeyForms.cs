using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Passkeys;

/// <summary>What the browser's ceremony produced (<c>PublicKeyCredential.toJSON()</c>), posted by passkeys.js.</summary>
public sealed class PasskeyCredentialForm
{
    [StringLength(16384)]
    public string? CredentialJson { get; set; }
}

/// <summary>Naming a passkey just added, or renaming one.</summary>
public sealed class PasskeyNameForm
{
    [Required]
    public string PasskeyId { get; set; } = "";

    [Required(ErrorMessage = "Give the passkey a name."), StringLength(64, ErrorMessage = "A name can be at most 64 characters."), PlainText]
    [Display(Name = "Name")]
    public string PasskeyName { get; set; } = "";

    /// <summary>The naming step right after adding it: the page offers to sign out the other sessions.</summary>
    public bool JustAdded { get; set; }
}

public sealed class PasskeyRemoveForm
{
    [Required]
    public string PasskeyId { get; set; } = "";
}

/// <summary>A passkey as the second step or to "confirm it's you": the assertion, and where to go after.</summary>
public sealed class PasskeyStepForm
{
    /// <summary>Where the form's messages go (its hidden field's name), so the shared partial shows them.</summary>
    public const string ErrorKey = nameof(CredentialJson);

    [StringLength(16384)]
    public string? CredentialJson { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The passkeys page: the rows, and whether the browser has a passkey to offer at all is the script's business.</summary>
public sealed record PasskeysPage(IReadOnlyList<PasskeyListing> Passkeys);

/// <summary>The passkey form of the second step or of "confirm it's you": its button's id, where it posts, and its label.</summary>
public sealed record PasskeyStepView(string Id, string Action, string? ReturnUrl, string Label);
