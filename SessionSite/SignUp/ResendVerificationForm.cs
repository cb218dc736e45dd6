using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.SignUp;

/// <summary>Signed in, the session's address is used and this field ignored; signed out, it names the address.</summary>
public sealed class ResendVerificationForm
{
    [EmailAddress, StringLength(254), PlainText]
    public string? Email { get; set; }
}
