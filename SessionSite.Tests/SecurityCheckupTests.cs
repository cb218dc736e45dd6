using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;
using SessionSite.Tests.Passkeys;

namespace SessionSite.Tests;

/// <summary>
/// Issue 24 §1: the home page's security checkup recommends what the account lacks, from the factor summary kept in
/// every live session (so the page still costs one Redis command, see RedisCommandCountTests).
/// </summary>
public sealed class SecurityCheckupTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private static async Task<IReadOnlyList<string>> MissingAsync(Browser browser)
    {
        var home = await browser.GetDocumentAsync("/");
        var card = home.QuerySelector("#security-checkup");
        Assert.NotNull(card);
        var missing = card.QuerySelectorAll(".checkup-item").Select(li => li.GetAttribute("data-item")!).ToList();
        Assert.Equal(missing.Count == 0, card.QuerySelector("#security-checkup-all-set") is not null);
        return missing;
    }

    [Fact]
    public async Task ANewAccountIsToldEverythingItLacksAndAnonymousVisitorsSeeNoCard()
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);

        Assert.Equal(["confirm-email", "two-step", "passkey"], await MissingAsync(browser));
        Assert.Null((await NewBrowser().GetDocumentAsync("/")).QuerySelector("#security-checkup"));
    }

    [Fact]
    public async Task EachFactorAddedLeavesTheCardOfEveryLiveSessionUntilItSaysAllSet()
    {
        var browser = NewBrowser();
        var other = NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(browser, other);

        var verify = SmtpCatcher.LinkIn(Assert.Single(await fixture.Smtp.WaitForAsync(email)), "/email/verify");
        await browser.GetAsync(verify.PathAndQuery);
        Assert.Equal(["two-step", "passkey"], await MissingAsync(other));

        await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
        Assert.Equal(["passkey"], await MissingAsync(other));

        using var authenticator = new SoftwareAuthenticator();
        await (await PasskeyStories.AddAsync(browser, authenticator)).PostAsync("Laptop");
        Assert.Empty(await MissingAsync(other));
        Assert.Empty(await MissingAsync(browser));
    }

    [Fact]
    public async Task ANewSessionStartsWithTheAccountsFactorsAndTurningTwoStepOffBringsItBack()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        using var authenticator = new SoftwareAuthenticator();
        await (await PasskeyStories.AddAsync(browser, authenticator)).PostAsync("Laptop");

        var later = NewBrowser();
        await UserStories.SignInAsync(later, email);
        Assert.Equal(["confirm-email", "two-step"], await MissingAsync(later));

        await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
        Assert.Equal(["confirm-email"], await MissingAsync(later));
        var disable = (await TwoStepOnPage.OpenAsync(browser)).Document.QuerySelector("#two-step-disable-form");
        await browser.SubmitAsync(Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>(disable));
        Assert.Equal(["confirm-email", "two-step"], await MissingAsync(later));
    }
}
