using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SessionSite.Configuration;

namespace SessionSite.Passkeys;

/// <summary>
/// The relying party as the framework's handler sees it, from <c>Site:PublicBaseUrl</c> and never from the request's
/// Host (which the client chooses): its host is the RP id, its origin (scheme, host and port) the only one accepted.
/// User verification is required (a passkey alone is a full sign-in); resident keys preferred, so the browser can
/// offer the passkey without an email typed; no attestation asked (nothing here would check a vendor's chain).
/// </summary>
public sealed class PasskeyRelyingParty(IOptions<SiteOptions> site) : IConfigureOptions<IdentityPasskeyOptions>
{
    public static readonly TimeSpan CeremonyLifetime = TimeSpan.FromMinutes(5);

    public void Configure(IdentityPasskeyOptions options)
    {
        var origin = new Uri(site.Value.PublicBaseUrl);
        options.ServerDomain = origin.Host;
        options.ValidateOrigin = context => ValueTask.FromResult(
            !context.CrossOrigin && Uri.TryCreate(context.Origin, UriKind.Absolute, out var claimed) && IsSameOrigin(claimed, origin));
        options.UserVerificationRequirement = "required";
        options.ResidentKeyRequirement = "preferred";
        options.AttestationConveyancePreference = "none";
        options.ChallengeSize = 32;
        options.AuthenticatorTimeout = CeremonyLifetime;
    }

    private static bool IsSameOrigin(Uri claimed, Uri expected) =>
        string.Equals(claimed.Scheme, expected.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(claimed.Host, expected.Host, StringComparison.OrdinalIgnoreCase)
        && claimed.Port == expected.Port
        && claimed.AbsolutePath == "/";
}
