using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>A rename racing another session's touch: the touch must not leave the old name behind.</summary>
public sealed class ProfileRaceTests(FakeClockFixture fixture) : IClassFixture<FakeClockFixture>
{
    [Fact]
    public async Task ATouchThatWroteACopyFromBeforeARenameRefreshesItsSession()
    {
        var renaming = fixture.Site.NewBrowser();
        var touching = fixture.Site.NewBrowser();
        await UserStories.SignedInTwiceAsync(renaming, touching);
        var key = RedisInspection.SessionKeyOf(touching.SessionCookie!);
        var readBeforeTheRename = fixture.Redis.Database.HashGet(key, "data");

        await (await EditProfilePage.OpenAsync(renaming)).SaveAsync("New Name");
        // The other session's touch read its entry before the rename and writes it back after the rewrite.
        fixture.Redis.Database.HashSet(key, "data", readBeforeTheRename);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await touching.GetAsync("/profile"); // that touch: it finds the profile moved on
        var next = await ProfilePage.OpenAsync(touching);

        Assert.Equal("New Name", next.DisplayName);
        Assert.Contains("New Name", fixture.Redis.Database.HashGet(key, "data").ToString());
    }
}
