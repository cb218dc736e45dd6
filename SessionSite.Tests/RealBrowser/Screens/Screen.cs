using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SessionSite.Tests.RealBrowser.Screens;

/// <summary>
/// Any page of the site in a real browser, by the page contract's ids: the Playwright counterpart of the
/// AngleSharp page objects. Each action is what a person does and returns the screen they land on.
/// </summary>
public abstract class Screen(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Flash => Page.Locator("#flash-message");

    public ILocator SignInLink => Page.Locator("#nav-signin");

    public async Task<SessionsScreen> GoToSessionsAsync()
    {
        await OpenUserMenuAsync();
        await Page.Locator("#nav-sessions").ClickAsync();
        return await SessionsScreen.ExpectAsync(Page);
    }

    public async Task<HomeScreen> SignOutAsync()
    {
        await OpenUserMenuAsync();
        await Page.Locator("#signout-button").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/$"));
        return new HomeScreen(Page);
    }

    /// <summary>Opens the user menu under the name (the navbar first where it is collapsed), unless it is open already.</summary>
    public async Task OpenUserMenuAsync()
    {
        var menu = Page.Locator("#user-menu + .dropdown-menu");
        if (await menu.IsVisibleAsync())
            return;
        await OpenMenuIfCollapsedAsync();
        await Page.Locator("#user-menu").ClickAsync();
        await Expect(menu).ToBeVisibleAsync();
    }

    /// <summary>Opens the menu where it is collapsed (narrow screens), as a person must before using it.</summary>
    public async Task OpenMenuIfCollapsedAsync()
    {
        var toggler = Page.Locator(".navbar-toggler");
        if (!await toggler.IsVisibleAsync() || await Page.Locator("#nav-menu.show").IsVisibleAsync())
            return;
        await toggler.ClickAsync();
        // Bootstrap adds "show" once the opening animation ends; a click during it once missed the sign-out button on CI.
        await Expect(Page.Locator("#nav-menu.show")).ToBeVisibleAsync();
    }
}

public sealed class HomeScreen(IPage page) : Screen(page);
