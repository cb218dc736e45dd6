using System.Net;
using SessionSite.Mail;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>The signed-out "send the link again" does the same Redis work for every address: the lookup happens in the mail sender.</summary>
public sealed class SignedOutResendTests(QuietOutboxFixture fixture) : IClassFixture<QuietOutboxFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    [Fact]
    public async Task KnownAndUnknownAddressesCostTheSameRedisCommandsAndQueueTheSameRequest()
    {
        // The site starts with its first request, and the sender's one look at the outbox follows: after it, only requests touch Redis.
        await fixture.Site.NewBrowser().GetAsync("/");
        await Poll.UntilAsync(async () => (await fixture.Redis.CommandCallsAsync()).ContainsKey("xreadgroup"), "the mail sender's first round");
        var known = UserStories.NewEmail();
        await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).PostAsync(known, "Unconfirmed", UserStories.Password);
        var browser = fixture.Site.NewBrowser().ComingFrom(NewIp());
        var verifyFirst = await Browser.ParseAsync(await (await SignInPage.OpenAsync(browser)).PostAsync(known, UserStories.Password));
        var form = Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>(verifyFirst.QuerySelector("#resend-verification-form"));
        var unknown = UserStories.NewEmail();

        var forKnown = await CommandsOfAsync(() => browser.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = known }));
        var forUnknown = await CommandsOfAsync(() => browser.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = unknown }));

        Assert.Equal(forKnown, forUnknown);
        var queued = fixture.Redis.Database.StreamRange(MailOutbox.StreamKey).Select(MailOutbox.Read).TakeLast(2).ToList();
        Assert.Equal([known, unknown], queued.Select(m => m.To));
        Assert.All(queued, m => Assert.Equal(("verify-request", "", ""), (m.Kind, m.Subject, m.Text)));
    }

    /// <summary>The commands Redis ran while <paramref name="request"/> was answered, by name and count.</summary>
    private async Task<IReadOnlyDictionary<string, long>> CommandsOfAsync(Func<Task<HttpResponseMessage>> request)
    {
        var before = await fixture.Redis.CommandCallsAsync();
        Assert.Equal(HttpStatusCode.OK, (await request()).StatusCode);
        var after = await fixture.Redis.CommandCallsAsync();
        return after.Where(c => c.Key != "info" && c.Value != before.GetValueOrDefault(c.Key))
            .ToDictionary(c => c.Key, c => c.Value - before.GetValueOrDefault(c.Key));
    }
}
