using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SessionSite.Tests.RealBrowser.Screens;

public sealed class SessionsScreen(IPage page) : Screen(page)
{
    public ILocator Rows => Page.Locator("tr.session-row");

    public static async Task<SessionsScreen> ExpectAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(new Regex("/sessions$"));
        return new SessionsScreen(page);
    }

    public async Task<SessionsScreen> SignOutAnotherSessionAsync()
    {
        await Page.Locator("tr.session-row:not(.session-current) .revoke-link").First.ClickAsync();
        await Page.Locator("#confirm-revoke-button").ClickAsync();
        return await ExpectAsync(Page);
    }
}
