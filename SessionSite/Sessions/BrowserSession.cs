namespace SessionSite.Sessions;

/// <summary>The session a browser presented: the credential from its cookie and the record that credential names.</summary>
public sealed record BrowserSession(SessionCredential Credential, SessionRecord Record);
