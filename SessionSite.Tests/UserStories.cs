using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Flows that many tests start from, so test bodies read as specifications.</summary>
public static class UserStories
{
    public const string Password = "correct horse battery";

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    public static async Task<(ProfilePage Profile, string Email)> SignUpAsync(Browser browser, string displayName = "Ada", string? email = null)
    {
        email ??= NewEmail();
        var signUp = await SignUpPage.OpenAsync(browser);
        return (await signUp.SubmitAsync(email, displayName, Password), email);
    }

    /// <summary>One account signed in twice: signed up in <paramref name="first"/>, signed in again in <paramref name="second"/>. Returns the email.</summary>
    public static async Task<string> SignedInTwiceAsync(Browser first, Browser second, string displayName = "Ada")
    {
        var (_, email) = await SignUpAsync(first, displayName);
        await SignInAsync(second, email);
        return email;
    }

    public static async Task<ProfilePage> SignInAsync(Browser browser, string email, string password = Password, bool rememberMe = false)
    {
        var signIn = await SignInPage.OpenAsync(browser);
        return await signIn.SubmitAsync(email, password, rememberMe);
    }
}
