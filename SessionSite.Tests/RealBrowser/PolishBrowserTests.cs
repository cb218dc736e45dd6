using Microsoft.Playwright;
using SessionSite.Tests.RealBrowser.Screens;
using static Microsoft.Playwright.Assertions;

namespace SessionSite.Tests.RealBrowser;

/// <summary>Issue 24's last defects: reflow of sessions and the overview, a long name in the user menu, the sessions page's buttons.</summary>
public sealed class PolishBrowserTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const string Password = "a browser-tested passphrase";

    private static readonly string LongName = new('W', 64);

    private Task<IBrowserContext> NewContextAsync(int width, int height, float scale = 1) =>
        fixture.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = scale,
            Locale = "en-US",
        });

    /// <summary>Signs up in one context and in again in a second, so /sessions shows another device and both bottom buttons.</summary>
    private async Task<IPage> SignedInTwiceAsync(IBrowserContext context, string name)
    {
        var email = $"polish-{Guid.NewGuid():N}@example.com";
        var page = await context.NewPageAsync();
        await (await SignUpScreen.OpenAsync(page)).SignUpAsync(email, name, Password);
        await using var other = await NewContextAsync(1280, 800);
        await (await SignInScreen.OpenAsync(await other.NewPageAsync())).SignInAsync(email, Password);
        return page;
    }

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    [Theory]
    [InlineData(320, 1)]
    [InlineData(195, 2)] // a 390 px phone at 200 % zoom
    public async Task SessionsAndTheOverviewNeitherScrollSidewaysNorCutAValue(int width, float scale)
    {
        await using var context = await NewContextAsync(width, 700, scale);
        var page = await SignedInTwiceAsync(context, LongName);

        foreach (var path in new[] { "/sessions", "/account" })
        {
            await page.GotoAsync(path);

            Assert.False(await ScrollsSidewaysAsync(page), $"{path} scrolls sideways at {width} px");
            var cut = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('main td, main dt, main dd, main .btn, main .badge, main .account-row div, main time')]
                  .filter(e => { const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 0.5 || r.left < 0 || e.scrollWidth > e.clientWidth + 1; })
                  .map(e => e.tagName + '#' + e.id + ' ' + e.scrollWidth + '/' + e.clientWidth + ': ' + e.textContent.trim().slice(0, 40))
                """);
            Assert.True(cut.Length == 0, $"{path} at {width} px cuts: {string.Join(" | ", cut)}");
        }
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task ALongNameInTheUserMenuWrapsInsteadOfBeingCut(int width, int height)
    {
        await using var context = await NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        await (await SignUpScreen.OpenAsync(page)).SignUpAsync($"polish-{Guid.NewGuid():N}@example.com", LongName, Password);
        if (await page.Locator(".navbar-toggler").IsVisibleAsync())
            await page.Locator(".navbar-toggler").ClickAsync();

        var name = page.Locator("#nav-user");
        await Expect(name).ToBeVisibleAsync();
        await Expect(name).ToHaveTextAsync(LongName);
        var misfit = await name.EvaluateAsync<string>("""
            e => { const b = document.getElementById('user-menu'), r = e.getBoundingClientRect();
                   const ok = b.scrollWidth <= b.clientWidth + 1 && r.left >= 0 && r.right <= window.innerWidth + 0.5;
                   return ok ? '' : `button ${b.scrollWidth}/${b.clientWidth}, name ${r.left}..${r.right} of ${window.innerWidth}`; }
            """);

        Assert.True(misfit == "", $"the name in the user menu is cut or runs off the screen: {misfit}");
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 || (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 1 && getComputedStyle(e).display !== 'inline')).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.scrollWidth + '/' + e.clientWidth)");
        Assert.True(wide.Length == 0 && !await ScrollsSidewaysAsync(page), $"the page scrolls sideways at {width} px: {string.Join(" | ", wide)}");
        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task TheTwoButtonsAtTheBottomOfTheSessionsPageLineUp()
    {
        await using var context = await NewContextAsync(1280, 800);
        var page = await SignedInTwiceAsync(context, "Button Person");
        await page.GotoAsync("/sessions");

        var others = (await page.Locator("#revoke-others-link").BoundingBoxAsync())!;
        var all = (await page.Locator("#revoke-all-link").BoundingBoxAsync())!;

        Assert.Equal(others.Y, all.Y, 0.5);
        Assert.Equal(others.Height, all.Height, 0.5);
        Assert.True(all.X > others.X + others.Width, "the buttons should sit side by side at 1280 px");
    }
}
