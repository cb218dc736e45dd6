namespace SessionSite.Sessions;

/// <summary>What the browser presented: no session cookie, a cookie whose session is gone, or a session at some stage.</summary>
public readonly record struct PresentedSession(bool HadCookie, SignInStage? Stage)
{
    public static readonly PresentedSession None = new(false, null);

    public bool Ended => HadCookie && Stage is null;
}

public enum GateVerdict
{
    Pass,

    /// <summary>To <c>/signin/two-step</c>: a half-way session finishes its sign-in before anything else.</summary>
    FinishSecondStep,

    /// <summary>To <c>/signin</c>: no session (or it ended since the form was made).</summary>
    SignIn,
}

/// <summary>The one rule deciding which request goes through, from the action's access and the session's stage.</summary>
public static class SessionGate
{
    public static GateVerdict Decide(PageAccess access, PresentedSession session, bool isPost) =>
        (access, session.Stage) switch
        {
            (PageAccess.SignedIn, SignInStage.Complete or SignInStage.CompleteWithSecondStep) => GateVerdict.Pass,
            (PageAccess.SignedIn, SignInStage.PasswordOnly) => GateVerdict.FinishSecondStep,
            (PageAccess.SignedIn, null) => GateVerdict.SignIn,
            // A form made for a session that has ended since: its token names a user no longer here.
            (_, null) when isPost && session.Ended => GateVerdict.SignIn,
            (PageAccess.Public, SignInStage.PasswordOnly) when isPost => GateVerdict.FinishSecondStep,
            _ => GateVerdict.Pass,
        };

    /// <summary>Whether the gate needs the session loaded: pages anyone may open cost no Redis read here.</summary>
    public static bool NeedsSession(PageAccess access, bool hasCookie, bool isPost) =>
        access == PageAccess.SignedIn || (hasCookie && isPost);
}
