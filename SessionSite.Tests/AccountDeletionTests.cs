using System.Net;
using SessionSite.Links;
using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Deleting an account deletes everything of it, at once, for every browser, and races leave nothing behind.</summary>
public sealed class AccountDeletionTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    /// <summary>Every key that names the account: its hash tag, its email, or one of its mailed links.</summary>
    private IReadOnlyList<string> KeysOf(string userId, string email, IEnumerable<string> linkKeys) =>
        fixture.Redis.Keys($"*{userId}*")
            .Concat(fixture.Redis.Keys($"*{email}*"))
            .Concat(linkKeys.Where(key => fixture.Redis.Database.KeyExists(key)))
            .ToList();

    private static string LinkKeyOf(Uri link, LinkPurpose purpose) =>
        LinkToken.TryParse(link.Query.Split('=')[1], out var token) ? SingleUseLinks.Key(purpose, token).ToString() : throw new ArgumentException("not a link");

    [Fact]
    public async Task DeletingRemovesEveryKeyOfTheAccountEndsEveryBrowserAndFreesTheAddress()
    {
        var first = NewBrowser();
        var second = NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(first, second);
        var userId = RedisInspection.UserIdOf(first.SessionCookie!);
        // The second browser's sign-in is announced as a new device too: mails are picked by subject.
        var verifyLink = SmtpCatcher.LinkIn((await fixture.Smtp.WaitForAsync(email)).First(m => m.Subject == "Confirm your email address for SessionSite"), "/email/verify");
        await (await ForgotPasswordPage.OpenAsync(NewBrowser())).AskForLinkAsync(email);
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject == "Reset your SessionSite password"), "the reset link");
        var resetLink = SmtpCatcher.LinkIn(fixture.Smtp.To(email).First(m => m.Subject == "Reset your SessionSite password"), "/password/reset");
        var links = new[] { LinkKeyOf(verifyLink, LinkPurpose.VerifyEmail), LinkKeyOf(resetLink, LinkPurpose.ResetPassword) };
        Assert.NotEmpty(KeysOf(userId, email, links));

        var response = await (await DeleteAccountPage.OpenAsync(first)).PostAsync(email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#account-deleted"));
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/profile")).StatusCode);
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject == "Your SessionSite account was deleted"), "the deletion notice");
        await Poll.UntilAsync(() => fixture.Redis.Database.StreamLength(SessionSite.Mail.MailOutbox.StreamKey) == 0, "the outbox to drain");
        Assert.Empty(KeysOf(userId, email, links));
        Assert.Equal(HttpStatusCode.BadRequest, (await NewBrowser().GetAsync(resetLink.PathAndQuery)).StatusCode);
        await UserStories.SignUpAsync(NewBrowser(), email: email);
    }

    [Fact]
    public async Task AWrongAddressDeletesNothing()
    {
        var (profile, email) = await UserStories.SignUpAsync(NewBrowser());

        var response = await (await DeleteAccountPage.OpenAsync(profile.Browser)).PostAsync("someone-else@example.com");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new DeleteAccountPage(profile.Browser, await Browser.ParseAsync(response));
        Assert.NotNull(page.FieldError("ConfirmEmail"));
        Assert.Equal(email, (await ProfilePage.OpenAsync(profile.Browser)).Email);
    }

    [Fact]
    public async Task DeletingWhileOtherBrowsersSignInAndTheAddressSignsUpAgainLeavesNoOrphanedKey()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        await fixture.Smtp.WaitForAsync(email);
        var signIns = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SignInPage.OpenAsync(NewBrowser())));
        var signUps = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SignUpPage.OpenAsync(NewBrowser())));
        var deletion = await DeleteAccountPage.OpenAsync(browser);

        var racing = signIns.Select(page => page.PostAsync(email, UserStories.Password))
            .Concat(signUps.Select(page => page.PostAsync(email, "Again", UserStories.Password)))
            .Append(deletion.PostAsync(email))
            .ToArray();
        var answers = await Task.WhenAll(racing);

        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, a.StatusCode.ToString()));
        await Poll.UntilAsync(() => fixture.Redis.Database.StreamLength(SessionSite.Mail.MailOutbox.StreamKey) == 0, "the outbox to drain");
        Assert.Empty(fixture.Redis.Keys($"*{userId}*"));
        // Whatever won the race, the address names at most one account, and that one whole.
        var owner = fixture.Redis.Database.StringGet(RedisKeys.Email(email));
        if (!owner.IsNullOrEmpty)
            Assert.True(fixture.Redis.Database.KeyExists(RedisKeys.Account(owner.ToString())));
        foreach (var sessionKey in fixture.Redis.Keys("{user:*}:s:*"))
        {
            var id = sessionKey[6..sessionKey.IndexOf('}')];
            Assert.True(fixture.Redis.Database.KeyExists(RedisKeys.Account(id)), $"{sessionKey} outlived its account");
        }
    }
    [Fact]
    public async Task DeletingRemovesTheAccountsThrottleCountersAndItsSessionsConfirmCountsToo()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
        await (await ChangeEmailPage.OpenAsync(browser)).SubmitAsync(UserStories.NewEmail());
        var attacker = NewBrowser();
        var signIn = await (await SignInPage.OpenAsync(attacker)).PostAsync(email, UserStories.Password);
        for (var i = 0; i < 5; i++)
            await (await TwoStepSignInPage.OpenAsync(attacker, signIn.Headers.Location!.OriginalString)).PostCodeAsync("000000");
        await (await ConfirmIdentityPage.OpenAsync(browser, "/account")).RefusedAsync("not the password");
        Assert.Contains(RedisKeys.SecondStepFailures(userId), fixture.Redis.Keys($"*{userId}*"));
        Assert.Contains(RedisKeys.ConfirmFailures(userId, RedisInspection.StorageHashOf(browser.SessionCookie!)), fixture.Redis.Keys($"*{userId}*"));

        await (await DeleteAccountPage.OpenAsync(browser)).PostAsync(email);

        Assert.Empty(fixture.Redis.Keys($"*{userId}*"));
    }
}
