using Microsoft.Playwright;

namespace SessionSite.Tests.RealBrowser.Screens;

public sealed class PasswordScreen(IPage page) : Screen(page)
{
    public static async Task<PasswordScreen> OpenAsync(IPage page)
    {
        await page.GotoAsync("/account/password");
        return new PasswordScreen(page);
    }

    public async Task<ProfileScreen> ChangeAsync(string current, string next)
    {
        await Page.Locator("#CurrentPassword").FillAsync(current);
        await Page.Locator("#NewPassword").FillAsync(next);
        await Page.Locator("#ConfirmNewPassword").FillAsync(next);
        await Page.Locator("#password-submit").ClickAsync();
        return await ProfileScreen.ExpectAsync(Page);
    }
}
