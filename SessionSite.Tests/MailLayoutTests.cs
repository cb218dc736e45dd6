using AngleSharp.Html.Parser;
using MimeKit;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Every mail is one template in two parts, read here as the real SMTP server received them (issue 24 §3.10).</summary>
public sealed class MailLayoutTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    [Fact]
    public async Task TheConfirmationMailIsTextAndHtmlWithTheSiteWhatHappenedAButtonAndWhy()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser().ComingFrom(NewIp()));

        var mail = Assert.Single(await fixture.Smtp.WaitForAsync(email));
        var link = SmtpCatcher.LinkIn(mail, "/email/verify");
        var html = new HtmlParser().ParseDocument(mail.HtmlBody!);

        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.StartsWith("SessionSite\n", mail.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains("You got this mail because", mail.TextBody);
        Assert.Equal("SessionSite", html.Body!.FirstElementChild!.TextContent);
        var button = Assert.Single(html.QuerySelectorAll("a.button"));
        Assert.Equal(link.ToString(), button.GetAttribute("href"));
        Assert.Equal("Confirm my address", button.TextContent);
        Assert.Contains("You got this mail because", html.QuerySelector(".why")!.TextContent);
    }

    [Fact]
    public async Task OnlyASecurityNoticeFillsTheThisWasntMeSlot()
    {
        var browser = fixture.Site.NewBrowser().ComingFrom(NewIp());
        var (_, email) = await UserStories.SignUpAsync(browser);

        await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, "another long passphrase");

        var mails = await fixture.Smtp.WaitForAsync(email, count: 2);
        var notice = Assert.Single(mails, m => m.Subject == "Your SessionSite password was changed");
        var confirmation = Assert.Single(mails, m => m.Subject != notice.Subject);
        var recover = SmtpCatcher.LinkIn(notice, "/account/recover");
        var buttons = new HtmlParser().ParseDocument(notice.HtmlBody!).QuerySelectorAll("a.button");
        Assert.Equal(recover.ToString(), Assert.Single(buttons, b => b.TextContent == "This wasn't me").GetAttribute("href"));
        Assert.DoesNotContain("This wasn't me", confirmation.HtmlBody);
        Assert.Contains("You got this mail because", notice.TextBody);
    }
}
