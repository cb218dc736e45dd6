using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class ServerErrorTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task ACorruptAccountRecordGetsTheFriendly500PageWithoutDetails()
    {
        var email = UserStories.NewEmail();
        var id = Guid.NewGuid().ToString("N");
        // An account hash missing its fields, as a hand edit or a bad migration might leave it.
        await fixture.Redis.Database.StringSetAsync($"email:{email}", id);
        await fixture.Redis.Database.HashSetAsync(RedisInspection.AccountKeyOf(id), "name", "Broken");
        var signIn = await SignInPage.OpenAsync(fixture.Site.NewBrowser());

        var response = await signIn.PostAsync(email, UserStories.Password);
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#server-error"));
        Assert.NotNull(page.QuerySelector("#nav-home"));
        Assert.DoesNotContain("Exception", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain("   at ", page.DocumentElement.OuterHtml);
    }
}
