using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>The activity in complete sentences: what, on which device, about which device or (masked) address.</summary>
public sealed class ActivityWordingTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    [Fact]
    public async Task SigningOutAnotherDeviceNamesThatDeviceAndTheAccountsCreationIsListed()
    {
        var mine = fixture.Site.NewBrowser().ComingFrom(NewIp());
        var other = fixture.Site.NewBrowser().ComingFrom(NewIp());
        other.Client.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);
        var (_, email) = await UserStories.SignUpAsync(mine);
        await UserStories.SignInAsync(other, email);
        var sessions = await SessionsPage.OpenAsync(mine);

        await sessions.RevokeAsync(Assert.Single(sessions.Rows, r => !r.IsCurrent).Handle);
        var activity = await ActivityPage.OpenAsync(mine);

        Assert.Equal("session-ended-elsewhere", activity.Events[0]);
        Assert.StartsWith("Signed out Firefox on Linux from ", activity.Sentences[0]);
        Assert.EndsWith(".", activity.Sentences[0]);
        Assert.Equal("account-created", activity.Events[^1]);
        Assert.StartsWith("Created the account on ", activity.Sentences[^1]);
    }

    [Fact]
    public async Task AnEmailChangeShowsTheNewAddressMaskedAndTheStreamHoldsNoWholeAddress()
    {
        var browser = fixture.Site.NewBrowser().ComingFrom(NewIp());
        await UserStories.SignUpAsync(browser);
        var newEmail = "zed-" + UserStories.NewEmail();

        await (await ChangeEmailPage.OpenAsync(browser)).PostAsync(newEmail);
        var activity = await ActivityPage.OpenAsync(browser);

        Assert.Equal("email-change-requested", activity.Events[0]);
        Assert.EndsWith("to change the email address to z•••@example.com.", activity.Sentences[0]);
        var stored = string.Join(' ', fixture.Redis.Database.StreamRange(RedisKeys.Activity(RedisInspection.UserIdOf(browser.SessionCookie!)))
            .SelectMany(e => e.Values).Select(v => v.Value.ToString()));
        Assert.DoesNotContain(newEmail, stored);
    }

    [Fact]
    public async Task SigningOutTheOthersNamesTheirDevices()
    {
        var mine = fixture.Site.NewBrowser().ComingFrom(NewIp());
        var other = fixture.Site.NewBrowser().ComingFrom(NewIp());
        other.Client.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);
        var (_, email) = await UserStories.SignUpAsync(mine);
        await UserStories.SignInAsync(other, email);

        var confirm = await mine.GetDocumentAsync("/sessions/revoke-others");
        await mine.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)confirm.QuerySelector("#confirm-revoke-others-form")!);
        var activity = await ActivityPage.OpenAsync(mine);

        Assert.Equal("session-ended-elsewhere", activity.Events[0]);
        Assert.StartsWith("Signed out Firefox on Linux from ", activity.Sentences[0]);
    }
}
