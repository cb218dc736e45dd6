namespace SessionSite.Links;

/// <summary>What a mailed link does, and how long it lives.</summary>
public enum LinkPurpose
{
    ResetPassword,
    VerifyEmail,
    ChangeEmail,

    /// <summary>"This wasn't me" (<see cref="RecoverLinks"/>, which keeps its own lifetime).</summary>
    Recover,
}

public static class LinkLifetimes
{
    public static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    public static TimeSpan Of(LinkPurpose purpose) => purpose switch
    {
        LinkPurpose.ResetPassword => TimeSpan.FromMinutes(20),
        LinkPurpose.VerifyEmail => TimeSpan.FromHours(24),
        _ => TimeSpan.FromHours(1),
    };

    public static string Describe(TimeSpan lifetime) =>
        lifetime.TotalHours >= 1 ? $"{lifetime.TotalHours:0} hour{(lifetime.TotalHours == 1 ? "" : "s")}" : $"{lifetime.TotalMinutes:0} minutes";
}
