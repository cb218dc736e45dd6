using Microsoft.Playwright;

namespace SessionSite.Tests.RealBrowser.Screens;

public sealed class SignUpScreen(IPage page) : Screen(page)
{
    public static async Task<SignUpScreen> OpenAsync(IPage page)
    {
        await page.GotoAsync("/signup");
        return new SignUpScreen(page);
    }

    public ILocator Field(string name) => Page.Locator($"#{name}");

    public ILocator FieldError(string name) => Page.Locator($"#{name}-error");

    public ILocator PasswordHint => Page.Locator("#Password-hint");

    public ILocator PasswordToggle => Page.Locator("#Password ~ .password-toggle");

    public async Task FillAsync(string email, string name, string password, string? confirm = null)
    {
        await Field("Email").FillAsync(email);
        await Field("DisplayName").FillAsync(name);
        await Field("Password").FillAsync(password);
        await Field("ConfirmPassword").FillAsync(confirm ?? password);
    }

    public Task SubmitAsync() => Page.Locator("#signup-submit").ClickAsync();

    public async Task<ProfileScreen> SignUpAsync(string email, string name, string password)
    {
        await FillAsync(email, name, password);
        await SubmitAsync();
        return await ProfileScreen.ExpectAsync(Page);
    }
}
