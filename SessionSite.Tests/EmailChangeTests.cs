using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SessionSite.Accounts;
using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Moving an account to a new address: a link to the new one, a notice to the old, nothing changes before.</summary>
public sealed class EmailChangeTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private const int PerTarget = 3; // the defaults
    private const int PerAccount = 5;

    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private async Task<Uri> AskForChangeAsync(Browser browser, string oldEmail, string newEmail)
    {
        await fixture.Smtp.WaitForAsync(oldEmail); // the sign-up's own mail first
        await (await ChangeEmailPage.OpenAsync(browser)).SubmitAsync(newEmail);
        return SmtpCatcher.LinkIn(Assert.Single(await fixture.Smtp.WaitForAsync(newEmail)), "/email/confirm");
    }

    [Fact]
    public async Task TheEmailPageSaysWhichAddressTheAccountHasNow()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);

        var page = await browser.GetDocumentAsync("/account/email");

        Assert.Equal(email, page.QuerySelector("#current-email")?.TextContent);
    }

    [Fact]
    public async Task AskingSendsALinkToTheNewAddressANoticeToTheOldAndChangesNothingYet()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var newEmail = UserStories.NewEmail();

        await AskForChangeAsync(browser, email, newEmail);

        var notice = (await fixture.Smtp.WaitForAsync(email, count: 2))[1];
        Assert.Equal("A change of your SessionSite email address was requested", notice.Subject);
        Assert.Contains(newEmail, notice.TextBody);
        Assert.Contains("1 hour", Assert.Single(fixture.Smtp.To(newEmail)).TextBody);
        Assert.Equal(email, (await ProfilePage.OpenAsync(browser)).Email);
        Assert.Equal(email, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), email)).Email);
    }

    [Fact]
    public async Task OpeningTheLinkMovesTheAccountEverySessionShowsItAndTheOldAddressStaysReserved()
    {
        var first = fixture.Site.NewBrowser();
        var second = fixture.Site.NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(first, second);
        var newEmail = UserStories.NewEmail();
        var link = await AskForChangeAsync(first, email, newEmail);

        var confirmed = await first.FollowRedirectAsync(await fixture.Site.NewBrowser().WithSessionCookie(first.SessionCookie!).GetAsync(link.PathAndQuery), "/profile");
        var onSecond = await ProfilePage.OpenAsync(second);

        Assert.Equal(newEmail, new ProfilePage(first, confirmed).Email);
        Assert.Equal(newEmail, onSecond.Email);
        Assert.True(onSecond.EmailVerified);
        Assert.Equal(newEmail, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), newEmail)).Email);
        Assert.Equal("The email or password is incorrect.", (await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(email, UserStories.Password)).Error);
        // Kept for the account while its "this wasn't me" link lives, so the owner of the old address can have it back.
        Assert.NotNull((await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(email, "Someone", UserStories.Password)).FieldError("Email"));
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject == "Your SessionSite email address was changed"), "the notice to the old address");
    }

    [Fact]
    public async Task AnAddressTakenMeanwhileGivesAClearMessageAndChangesNothing()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var newEmail = UserStories.NewEmail();
        var link = await AskForChangeAsync(browser, email, newEmail);
        await UserStories.SignUpAsync(fixture.Site.NewBrowser(), email: newEmail);

        var response = await browser.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#email-taken"));
        Assert.Equal(email, (await ProfilePage.OpenAsync(browser)).Email);
        Assert.Equal(email, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), email)).Email);
    }


    [Theory]
    [MemberData(nameof(SignUpTests.Addresses), MemberType = typeof(SignUpTests))]
    public async Task AnEmailChangeTakesOnlyABareAddress(string typed, string? kept)
    {
        var browser = fixture.Site.NewBrowser().ComingFrom(NewIp());
        await UserStories.SignUpAsync(browser);
        var target = UserStories.NewEmail();

        var response = await (await ChangeEmailPage.OpenAsync(browser)).PostAsync(string.Format(typed, target));

        if (kept is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Enter only the address, like name@example.com: no name, no second address, no dot at the end.",
                new ChangeEmailPage(browser, await Browser.ParseAsync(response)).FieldError("NewEmail"));
            return;
        }
        Assert.Equal("/profile", response.Headers.Location?.OriginalString);
        var link = Assert.Single(await fixture.Smtp.WaitForAsync(string.Format(kept, target)));
        Assert.Equal("Confirm your new email address for SessionSite", link.Subject);
    }

    [Fact]
    public async Task LinksToOneTargetAddressAreCappedWhoeverAsksAndThePageAnswersAlike()
    {
        var target = UserStories.NewEmail();
        var first = fixture.Site.NewBrowser().ComingFrom(NewIp());
        var second = fixture.Site.NewBrowser().ComingFrom(NewIp());
        await UserStories.SignUpAsync(first);
        await UserStories.SignUpAsync(second);
        var flashes = new List<string?>();

        foreach (var browser in new[] { first, second, first, second })
            flashes.Add((await (await ChangeEmailPage.OpenAsync(browser)).SubmitAsync(target)).Flash);

        Assert.Single(flashes.Distinct());
        Assert.Equal($"We've sent a link to {target}. Your address changes when you open it, within an hour.", flashes[0]);
        // The target signs up itself: its confirmation link comes after whatever was queued before.
        await UserStories.SignUpAsync(fixture.Site.NewBrowser().ComingFrom(NewIp()), email: target);
        await Poll.UntilAsync(() => fixture.Smtp.To(target).Any(m => m.Subject == "Confirm your email address for SessionSite"), "the target's own link");
        Assert.Equal(PerTarget, fixture.Smtp.To(target).Count(m => m.Subject == "Confirm your new email address for SessionSite"));
    }

    [Fact]
    public async Task OneAccountMayAskForOnlySoManyChanges()
    {
        var browser = fixture.Site.NewBrowser().ComingFrom(NewIp());
        var (_, email) = await UserStories.SignUpAsync(browser);
        var targets = Enumerable.Range(0, PerAccount + 1).Select(_ => UserStories.NewEmail()).ToList();

        foreach (var target in targets)
            await (await ChangeEmailPage.OpenAsync(browser)).SubmitAsync(target);

        await MailMarker.SendAsync(fixture.Smtp, fixture.Site.NewBrowser().ComingFrom(NewIp()), email);
        Assert.Equal(PerAccount, fixture.Smtp.To(email).Count(m => m.Subject == "A change of your SessionSite email address was requested"));
        Assert.Empty(fixture.Smtp.To(targets[PerAccount]));
    }

    [Fact]
    public async Task AClaimWhoseChangeNeverCommitsFreesItselfAndACommittedOneIsKeptForGood()
    {
        var commit = fixture.Site.Services.GetRequiredService<EmailChangeCommit>();
        var (profile, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var userId = RedisInspection.UserIdOf(profile.Browser.SessionCookie!);
        var abandoned = UserStories.NewEmail();
        var kept = UserStories.NewEmail();

        // The process dies between claiming the new address and moving the account.
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            commit.CommitAsync(userId, email, abandoned, () => throw new InvalidOperationException("the process died here")));
        var (result, _) = await commit.CommitAsync(userId, email, kept, () => Task.FromResult<long?>(2));

        Assert.InRange(fixture.Redis.Database.KeyTimeToLive(RedisKeys.Email(EmailAddress.Normalize(abandoned)))!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(EmailChangeResult.Changed, result);
        Assert.Null(fixture.Redis.Database.KeyTimeToLive(RedisKeys.Email(EmailAddress.Normalize(kept))));
    }
}
