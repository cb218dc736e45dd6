using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;

namespace SessionSite.Tests;

public sealed class BusyAnswerPauseTests(BusyPauseFixture fixture) : IClassFixture<BusyPauseFixture>
{
    [Fact]
    public async Task TheBusyAnswerIsSentOnlyAfterItsPauseSoARetryLoopIsSlowedDown()
    {
        var held = await HeldHashingTurn.TakeAsync(fixture.Site);
        var client = fixture.Site.NewBrowser().Client;

        var answer = client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.com" }));
        // The site's clock stands still, so the answer must not come, however long real time runs.
        var early = await Task.WhenAny(answer, Task.Delay(TimeSpan.FromMilliseconds(500)));
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(249));
        var stillEarly = await Task.WhenAny(answer, Task.Delay(TimeSpan.FromMilliseconds(200)));
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var response = await answer.WaitAsync(TimeSpan.FromSeconds(30));
        await held.DisposeAsync();

        Assert.NotSame(answer, early);
        Assert.NotSame(answer, stillEarly);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#site-busy"));
    }
}
