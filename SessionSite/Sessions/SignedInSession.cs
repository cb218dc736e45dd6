namespace SessionSite.Sessions;

/// <summary>The session of the current request: the credential the browser sent and the user it names.</summary>
public sealed record SignedInSession(SessionCredential Credential, SessionUser User);
