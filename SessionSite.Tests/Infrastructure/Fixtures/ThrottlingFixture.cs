namespace SessionSite.Tests.Infrastructure.Fixtures;

public sealed class ThrottlingFixture : SiteFixture
{
    public const int IpLimit = 6;
    public const int AccountLimit = 3;
    public const int SignUpLimit = 3;
    public static readonly TimeSpan AccountWindow = TimeSpan.FromMinutes(15);

    public static IReadOnlyDictionary<string, string?> ThrottleSettings => new Dictionary<string, string?>
    {
        ["Throttling:IpFailureLimit"] = IpLimit.ToString(),
        ["Throttling:AccountFailureLimit"] = AccountLimit.ToString(),
        ["Throttling:AccountWindow"] = AccountWindow.ToString(),
        ["Throttling:SignUpLimit"] = SignUpLimit.ToString(),
    };

    protected override IReadOnlyDictionary<string, string?> Settings => ThrottleSettings;

    protected override bool UsesFakeClock => true;
}
