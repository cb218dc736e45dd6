using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SessionSite.Telemetry;
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
        using var busy = new MetricCollector<long>(fixture.Site.Services.GetRequiredService<IMeterFactory>(), SiteMetrics.MeterName, "sessionsite.busy_answers");

        var answer = client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.com" }));
        // The busy answer is counted just before its pause starts on the site's clock: moving the clock any earlier
        // (a slow machine still routing the request) would leave the pause waiting for time that never comes.
        await Poll.UntilAsync(() => busy.GetMeasurementSnapshot().Count == 1, "the busy answer to begin its pause");
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
