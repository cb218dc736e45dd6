namespace SessionSite.Sessions;

/// <summary>
/// The sign-in factors an account has beyond its password, kept in each of its live sessions (<c>f</c>, absent when
/// none) so the home page's security checkup costs no Redis read; every change rewrites every live session, as a new
/// display name does. The confirmed address is already in the record (<see cref="SessionRecord.EmailVerified"/>).
/// </summary>
[Flags]
public enum SessionFactors
{
    None = 0,
    TwoStep = 1,
    Passkey = 2,
}
