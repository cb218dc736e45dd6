namespace SessionSite.Sessions;

/// <summary>
/// How far a session's sign-in got. The stored record keeps the seed's <c>Authenticated</c> flag ("a") and
/// whether a second step was passed ("t"); this is the one reading of the two that the gate, the pages and the
/// principal use (<see cref="SessionRecord.Stage"/>).
/// </summary>
public enum SignInStage
{
    /// <summary>The password was right and the second step is still due: a 5-minute half-way session.</summary>
    PasswordOnly,

    /// <summary>Signed in with one factor.</summary>
    Complete,

    /// <summary>Signed in with the password and a second step.</summary>
    CompleteWithSecondStep,
}
