using Microsoft.Playwright;

namespace SessionSite.Tests.RealBrowser.Screens;

public sealed class SignInScreen(IPage page) : Screen(page)
{
    public ILocator Form => Page.Locator("#signin-form");

    public static async Task<SignInScreen> OpenAsync(IPage page)
    {
        await page.GotoAsync("/signin");
        return new SignInScreen(page);
    }

    public async Task<ProfileScreen> SignInAsync(string email, string password, bool rememberMe = false)
    {
        await Page.Locator("#Email").FillAsync(email);
        await Page.Locator("#Password").FillAsync(password);
        if (rememberMe)
            await Page.Locator("#RememberMe").CheckAsync();
        await Page.Locator("#signin-submit").ClickAsync();
        return await ProfileScreen.ExpectAsync(Page);
    }
}
