using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Issue 24 §2: one button style per intent. Whatever ends or deletes something is red; its way out is a secondary button.</summary>
public sealed class ButtonIntentTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private static bool IsDanger(AngleSharp.Dom.IElement button) =>
        button.ClassList.Contains("btn-danger") || button.ClassList.Contains("btn-outline-danger");

    [Fact]
    public async Task EveryDestructiveActionIsADangerButtonAndItsWayOutASecondaryOne()
    {
        var browser = NewBrowser();
        await UserStories.SignedInTwiceAsync(browser, NewBrowser());
        await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
        (string Path, string Selector)[] destructive =
        [
            ("/account/delete", "#delete-form button[type=submit]"),
            ("/account/two-step", "#two-step-disable-form button[type=submit]"),
            ("/sessions", "#revoke-others-link"),
            ("/sessions", "#revoke-all-link"),
            ("/sessions", "a.revoke-link"),
            ("/sessions/revoke-others", "#confirm-revoke-others-form button[type=submit]"),
            ("/sessions/revoke-all", "#confirm-revoke-all-form button[type=submit]"),
        ];

        foreach (var (path, selector) in destructive)
        {
            var document = await browser.GetDocumentAsync(path);
            var buttons = document.QuerySelectorAll(selector);

            Assert.True(buttons.Length > 0, $"{selector} is missing on {path}");
            Assert.All(buttons, b => Assert.True(IsDanger(b), $"{selector} on {path} is '{b.ClassName}', not a danger button"));
        }
        foreach (var path in new[] { "/account/delete", "/sessions/revoke-others", "/sessions/revoke-all" })
        {
            var ways = (await browser.GetDocumentAsync(path)).QuerySelectorAll("main a.btn, main button.btn:not([type=submit])")
                .Where(b => !IsDanger(b)).ToList();

            Assert.NotEmpty(ways);
            Assert.All(ways, b => Assert.Contains("btn-outline-secondary", b.ClassList));
        }
    }

    [Fact]
    public async Task SecondaryActionsAreNeverPrimaryOrDangerOnTheTwoStepSettings()
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);
        await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());

        var document = await browser.GetDocumentAsync("/account/two-step");

        Assert.Contains("btn-outline-secondary", document.QuerySelector("#recovery-regenerate-submit")!.ClassList);
    }
}
