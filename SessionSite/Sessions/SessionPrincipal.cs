using System.Security.Claims;

namespace SessionSite.Sessions;

/// <summary>
/// The request's user as ASP.NET sees it, built from the session the request already loaded (no extra read).
/// Antiforgery binds its tokens to this identity, so a token minted for one user (or for nobody) is refused
/// on a form posted with another user's session. A half-way session is nobody yet: its principal is anonymous.
/// </summary>
public static class SessionPrincipal
{
    public const string AuthenticationType = "SessionSite";

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public static ClaimsPrincipal For(SessionRecord? session) =>
        session is not { IsSignedIn: true }
            ? Anonymous
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, session.UserId)], AuthenticationType));

    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
