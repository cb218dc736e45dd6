using System.Reflection;
using SessionSite.Activity;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Unit;

public sealed class ActivityIconTests
{
    public static TheoryData<string> EveryEvent() => new(typeof(ActivityEvent)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!));

    private static readonly string IconCss = File.ReadAllText(
        RepositoryRoot.File("SessionSite", "wwwroot", "lib", "bootstrap-icons", "font", "bootstrap-icons.min.css"));

    [Theory]
    [MemberData(nameof(EveryEvent))]
    public void EveryEventHasItsOwnIconThatTheLocalIconFontHas(string eventName)
    {
        var icon = ActivityIcon.For(eventName);

        Assert.NotEqual(ActivityIcon.Fallback, icon);
        Assert.Contains($".{icon}::before", IconCss);
    }

    [Fact]
    public void TheFallbackIsInTheIconFontToo() => Assert.Contains($".{ActivityIcon.Fallback}::before", IconCss);

    [Theory]
    [InlineData(ActivityEvent.SignedIn, "bi-box-arrow-in-right")]
    [InlineData(ActivityEvent.SignedOutEverywhere, "bi-box-arrow-right")]
    [InlineData(ActivityEvent.PasswordReset, "bi-key")]
    [InlineData(ActivityEvent.EmailChanged, "bi-envelope")]
    [InlineData(ActivityEvent.RecoveryCodeUsed, "bi-shield-lock")]
    [InlineData(ActivityEvent.PasskeyRemoved, "bi-fingerprint")]
    [InlineData(ActivityEvent.DataDownloaded, "bi-download")]
    [InlineData(ActivityEvent.SignInFailed, "bi-exclamation-triangle")]
    public void EachKindHasItsIcon(string eventName, string icon) => Assert.Equal(icon, ActivityIcon.For(eventName));
}
