using System.ComponentModel.DataAnnotations;

namespace SessionSite.Recovery;

public sealed class RecoverForm
{
    [Required, StringLength(200)]
    public string Token { get; set; } = "";
}

/// <summary>The confirmation page: the link, and what it reports in words.</summary>
public sealed record RecoverConfirmation(RecoverForm Form, string What, DateTimeOffset At, string? AddressBack);
