using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SessionSite.Tests.RealBrowser.Screens;

public sealed class ProfileScreen(IPage page) : Screen(page)
{
    public ILocator Email => Page.Locator("#profile-email");

    public static async Task<ProfileScreen> ExpectAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(new Regex("/profile$"));
        return new ProfileScreen(page);
    }

    public static async Task<ProfileScreen> OpenAsync(IPage page)
    {
        await page.GotoAsync("/profile");
        return await ExpectAsync(page);
    }
}
