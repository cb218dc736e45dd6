using System.Net;
using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests;

/// <summary>What an off-the-shelf scanner sends: any value, of any type, in every field of every form. None may be a 5xx.</summary>
public sealed class WrongTypedFormValueTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private static readonly string[] WrongValues = ["x", "true,false", ";env;", "", "-1", "99999999999999999999", "%00", "<script>"];

    public static TheoryData<string, string> Forms => new()
    {
        { "/signup", "#signup-form" },
        { "/signin", "#signin-form" },
        { "/account/password", "#password-form" },
        { "/sessions/revoke-others", "#confirm-revoke-others-form" },
        { "/sessions/revoke-all", "#confirm-revoke-all-form" },
        { "/profile", "#signout-form" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task EveryFieldOfTheFormTakesAnyValueWithoutA5xx(string path, string formSelector)
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        await UserStories.SignInAsync(fixture.Site.NewBrowser(), email); // so the sessions page has a row to revoke
        var fields = FieldsOf(await FormAsync(browser, path, formSelector)).Keys.ToList();

        foreach (var field in fields)
        {
            foreach (var value in WrongValues)
                await AssertNo5xxAsync(browser, path, formSelector, field, [value]);
            await AssertNo5xxAsync(browser, path, formSelector, field, ["true", "x"]);
        }
    }

    [Fact]
    public async Task AWrongTypedRememberMeReRendersTheSignInFormWithAMessage()
    {
        var browser = fixture.Site.NewBrowser();
        var form = await FormAsync(browser, "/signin", "#signin-form");
        var values = FieldsOf(form);
        values["Email"] = [UserStories.NewEmail()];
        values["Password"] = ["whatever it is"];
        values["RememberMe"] = ["x"];

        var response = await PostAsync(browser, form, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#signin-form"));
        Assert.Contains("Remember me", page.QuerySelector("#RememberMe-error")!.TextContent);
    }

    private async Task AssertNo5xxAsync(Browser browser, string path, string formSelector, string field, string[] values)
    {
        var form = await FormAsync(browser, path, formSelector);
        var posted = FieldsOf(form);
        posted[field] = values;

        var response = await PostAsync(browser, form, posted);

        Assert.True((int)response.StatusCode < 500, $"{path} {field}={string.Join('&', values)} answered {(int)response.StatusCode}");
        if (!browser.Cookies.GetCookies(Browser.Site).Any(c => c.Name == Browser.SessionCookieName))
            await UserStories.SignUpAsync(browser); // the sign-out form did sign out: sign in again for the next value
    }

    private static async Task<IHtmlFormElement> FormAsync(Browser browser, string path, string selector) =>
        Assert.IsAssignableFrom<IHtmlFormElement>((await browser.GetDocumentAsync(path)).QuerySelector(selector));

    private static Dictionary<string, string[]> FieldsOf(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name))
            .GroupBy(input => input.Name!)
            .ToDictionary(group => group.Key, group => group.Select(input => input.Value).Take(1).ToArray());

    private static Task<HttpResponseMessage> PostAsync(Browser browser, IHtmlFormElement form, Dictionary<string, string[]> values)
    {
        var pairs = values.SelectMany(field => field.Value.Select(value => new KeyValuePair<string, string>(field.Key, value)));
        return browser.Client.PostAsync(new Uri(form.Action).PathAndQuery, new FormUrlEncodedContent(pairs));
    }
}
