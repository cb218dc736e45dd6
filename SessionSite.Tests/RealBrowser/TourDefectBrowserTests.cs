using Microsoft.Playwright;
using SessionSite.Tests.RealBrowser.Screens;
using static Microsoft.Playwright.Assertions;

namespace SessionSite.Tests.RealBrowser;

/// <summary>The defects of issue 24's tour, checked where they showed: in a real browser, at phone sizes, in another zone.</summary>
public sealed class TourDefectBrowserTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const string Password = "a browser-tested passphrase";

    private static string NewEmail() => $"tour-{Guid.NewGuid():N}@example.com";

    private Task<IBrowserContext> NewContextAsync(int width, int height, string? timezone = null, float scale = 1) =>
        fixture.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = scale,
            Locale = "en-US",
            TimezoneId = timezone,
        });

    private static async Task<ProfileScreen> SignUpAsync(IPage page, string name = "Tour Person") =>
        await (await SignUpScreen.OpenAsync(page)).SignUpAsync(NewEmail(), name, Password);

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    [Fact]
    public async Task AJoinerNameIsAcceptedAndABidiOverrideIsRefusedByItsName()
    {
        await using var context = await NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();

        var refused = await SignUpScreen.OpenAsync(page);
        await refused.FillAsync(NewEmail(), "Admin\u202Egnp.exe", Password);
        await refused.SubmitAsync();
        await Expect(refused.FieldError("DisplayName")).ToContainTextAsync("U+202E RIGHT-TO-LEFT OVERRIDE");
        var profile = await SignUpAsync(page, "Ana 👩‍💻 می‌خواهم");

        await Expect(page.Locator("#profile-display-name")).ToHaveTextAsync("Ana 👩‍💻 می‌خواهم");
        await Expect(profile.Flash).ToContainTextAsync("Welcome");
    }

    [Fact]
    public async Task ALongNameWrapsAndNoPageScrollsSidewaysOnAPhone()
    {
        await using var context = await NewContextAsync(390, 844);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        await SignUpAsync(page, new string('W', 64));

        foreach (var path in new[] { "/profile", "/", "/account", "/account/profile", "/account/activity", "/sessions" })
        {
            await page.GotoAsync(path);
            Assert.False(await ScrollsSidewaysAsync(page), $"{path} scrolls sideways at 390 px");
        }
        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task EveryTimeIsShownInTheReadersZone()
    {
        await using var context = await NewContextAsync(1280, 800, timezone: "Asia/Kolkata");
        var page = await context.NewPageAsync();
        await SignUpAsync(page);

        foreach (var path in new[] { "/profile", "/sessions", "/account/activity" })
        {
            await page.GotoAsync(path);
            var times = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('time[datetime]')].map(t => t.hasAttribute('data-relative') ? t.title : t.textContent)");

            Assert.NotEmpty(times);
            Assert.All(times, shown => Assert.Contains("GMT+5:30", shown));
        }
    }

    [Fact]
    public async Task AfterADataDownloadThePageSaysWhatWasDownloaded()
    {
        await using var context = await NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();
        await SignUpAsync(page);
        await page.GotoAsync("/account/data");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#data-submit").ClickAsync());

        Assert.Equal("sessionsite-data.json", download.SuggestedFilename);
        await Expect(page.Locator("#data-form-note")).ToContainTextAsync("sessionsite-data.json: your account");
    }

    [Theory]
    [InlineData(320, 1)]
    [InlineData(195, 2)] // a 390 px phone at 200 % zoom
    public async Task TheActivityIsCardsThatNeitherScrollSidewaysNorHideAValue(int width, float scale)
    {
        await using var context = await NewContextAsync(width, 700, scale: scale);
        var page = await context.NewPageAsync();
        await SignUpAsync(page, new string('N', 64));
        await page.GotoAsync("/account/profile");
        await page.Locator("#DisplayName").FillAsync("Renamed");
        await page.Locator("#profile-submit").ClickAsync();

        await page.GotoAsync("/account/activity");

        await Expect(page.Locator(".activity-row")).Not.ToHaveCountAsync(0);
        Assert.False(await ScrollsSidewaysAsync(page), $"the activity scrolls sideways at {width} px");
        var hidden = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.activity-row dt, .activity-row dd')]
              .filter(e => { const r = e.getBoundingClientRect(); return r.width === 0 || r.height === 0 || r.right > window.innerWidth + 0.5 || r.left < 0; })
              .map(e => e.textContent)
            """);
        Assert.Empty(hidden);
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
    }

    [Theory]
    [InlineData(320, 1)]
    [InlineData(195, 2)]
    public async Task TheProfileAndTheSignOutPageNeitherScrollSidewaysNorHideAValue(int width, float scale)
    {
        await using var context = await NewContextAsync(width, 700, scale: scale);
        var page = await context.NewPageAsync();
        await SignUpAsync(page, new string('N', 64));

        foreach (var path in new[] { "/profile", "/signout" })
        {
            await page.GotoAsync(path);

            Assert.False(await ScrollsSidewaysAsync(page), $"{path} scrolls sideways at {width} px");
            var cut = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('main dt, main dd, main .btn')]
                  .filter(e => { const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 0.5 || r.left < 0; })
                  .map(e => e.textContent)
                """);
            Assert.Empty(cut);
        }
    }
}
