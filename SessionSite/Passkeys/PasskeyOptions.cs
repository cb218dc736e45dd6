using System.ComponentModel.DataAnnotations;

namespace SessionSite.Passkeys;

/// <summary>The <c>Passkeys</c> section: how often one client address may ask for a sign-in challenge.</summary>
public sealed class PasskeyOptions
{
    public const string Section = "Passkeys";

    /// <summary>Sign-in challenges per client address per <see cref="OptionsRequestWindow"/> (each page load's autofill asks for one).</summary>
    [Range(1, int.MaxValue)]
    public int OptionsRequestLimit { get; set; } = 30;

    public TimeSpan OptionsRequestWindow { get; set; } = TimeSpan.FromMinutes(1);
}
