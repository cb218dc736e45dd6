using System.Net;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests;

public sealed class AntiforgeryTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/signup")]
    [InlineData("/signin")]
    public async Task PostWithoutAntiforgeryTokenIsRejectedAndWritesNothing(string path)
    {
        var browser = fixture.Site.NewBrowser();
        await browser.GetAsync(path);
        var email = UserStories.NewEmail();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["DisplayName"] = "No Token", ["Password"] = UserStories.Password, ["ConfirmPassword"] = UserStories.Password,
        });

        var response = await browser.Client.PostAsync(path, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(fixture.Redis.HasAccountFor(email));
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task SignOutWithoutAntiforgeryTokenIsRejected()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);

        var response = await browser.Client.PostAsync("/signout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task BadRequestPageIsFriendly()
    {
        var browser = fixture.Site.NewBrowser();

        var response = await browser.Client.PostAsync("/signin", new FormUrlEncodedContent([]));
        var document = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("400", document.QuerySelector("#status-page")?.GetAttribute("data-status"));
        Assert.DoesNotContain("Exception", document.DocumentElement.OuterHtml);
    }
}
