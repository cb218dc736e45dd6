namespace SessionSite.Sessions;

/// <summary>Who may use an action. Every action says it, on itself or its controller; <see cref="SessionGateFilter"/> reads it.</summary>
public enum PageAccess
{
    /// <summary>Anyone: signed out, half-way (treated as signed out, and may not post) or signed in.</summary>
    Public,

    /// <summary>Also a half-way session, which may post here: its second step, and signing out.</summary>
    HalfWayAllowed,

    /// <summary>Only a session whose sign-in is complete.</summary>
    SignedIn,
}

/// <summary>The one marker the gate reads; the one nearest the action wins (method over controller).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public abstract class PageAccessAttribute : Attribute
{
    public abstract PageAccess Access { get; }
}

/// <summary>Lets only signed-in requests through; others go to sign-in with the local path to come back to.</summary>
public sealed class RequireSessionAttribute : PageAccessAttribute
{
    public override PageAccess Access => PageAccess.SignedIn;
}

/// <summary>Marks the actions a half-way session may use: its second step, and signing out.</summary>
public sealed class AllowHalfSignedInAttribute : PageAccessAttribute
{
    public override PageAccess Access => PageAccess.HalfWayAllowed;
}

/// <summary>A page anyone may open; a half-way session sees it signed out and may not post its forms.</summary>
public sealed class PublicPageAttribute : PageAccessAttribute
{
    public override PageAccess Access => PageAccess.Public;
}
