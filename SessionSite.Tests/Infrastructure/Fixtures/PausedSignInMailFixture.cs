namespace SessionSite.Tests.Infrastructure.Fixtures;

/// <summary>Real Redis and SMTP with a small account limit, so a test can trip the password throttle in a few posts.</summary>
public sealed class PausedSignInMailFixture : MailFixture
{
    public const int AccountLimit = 3;
    public static readonly TimeSpan AccountWindow = TimeSpan.FromMinutes(15);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Throttling:AccountFailureLimit"] = AccountLimit.ToString(),
        ["Throttling:AccountWindow"] = AccountWindow.ToString(),
    };
}
