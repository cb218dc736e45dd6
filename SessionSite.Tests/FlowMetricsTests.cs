using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SessionSite.Telemetry;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>
/// The flow counters an operator reads: sign-in attempts by method and result, sessions started by method and
/// ended by reason (a token rotation is neither), and mailed links asked for, each counted where it happens.
/// </summary>
public sealed class FlowMetricsTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private MetricCollector<long> Listen(string instrument) =>
        new(fixture.Site.Services.GetRequiredService<IMeterFactory>(), SiteMetrics.MeterName, instrument);

    private static long Sum(MetricCollector<long> collector, string tag, string value) =>
        collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags.GetValueOrDefault(tag), value)).Sum(m => m.Value);

    private static long Attempts(MetricCollector<long> collector, string method, string result) =>
        collector.GetMeasurementSnapshot()
            .Where(m => Equals(m.Tags.GetValueOrDefault("method"), method) && Equals(m.Tags.GetValueOrDefault("result"), result))
            .Sum(m => m.Value);

    private Browser NewBrowser() => fixture.Site.NewBrowser();

    [Fact]
    public async Task APasswordSignInCountsEachAttemptByResultAndTheSessionItStarts()
    {
        using var attempts = Listen("sessionsite.sign_in.attempts");
        using var started = Listen("sessionsite.sessions.started");
        var (_, email) = await UserStories.SignUpAsync(NewBrowser());

        await (await SignInPage.OpenAsync(NewBrowser())).PostAsync(email, "not the password");
        await UserStories.SignInAsync(NewBrowser(), email);

        Assert.Equal(1, Attempts(attempts, MetricTags.Password, MetricTags.WrongPassword));
        Assert.Equal(1, Attempts(attempts, MetricTags.Password, MetricTags.Success));
        Assert.Equal(1, Sum(started, "method", MetricTags.SignUp));
        Assert.Equal(1, Sum(started, "method", MetricTags.Password));
    }

    [Fact]
    public async Task ATwoStepSignInCountsThePasswordStepTheWrongCodeAndTheCodeThatStartsTheSession()
    {
        var owner = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(owner);
        var (secret, _) = await (await TwoStepEnrolPage.OpenAsync(owner)).TurnOnAsync(fixture.Clock.GetUtcNow());
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        using var attempts = Listen("sessionsite.sign_in.attempts");
        using var started = Listen("sessionsite.sessions.started");
        var browser = NewBrowser();

        var signIn = await (await SignInPage.OpenAsync(browser)).PostAsync(email, UserStories.Password);
        var secondStep = await TwoStepSignInPage.OpenAsync(browser, signIn.Headers.Location!.OriginalString);
        await secondStep.PostCodeAsync("000000");
        await secondStep.PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, fixture.Clock.GetUtcNow()));

        Assert.Equal(1, Attempts(attempts, MetricTags.Password, MetricTags.SecondStepRequired));
        Assert.Equal(0, Attempts(attempts, MetricTags.Password, MetricTags.Success));
        Assert.Equal(1, Attempts(attempts, MetricTags.Totp, MetricTags.SecondStepFailed));
        Assert.Equal(1, Attempts(attempts, MetricTags.Totp, MetricTags.Success));
        // The half-way session is not a start; the complete one is, under the method that completed it.
        Assert.Equal(1, started.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(1, Sum(started, "method", MetricTags.Totp));
    }

    [Fact]
    public async Task SessionsEndedAreCountedByReasonAndARotationIsNotAnEnd()
    {
        using var ended = Listen("sessionsite.sessions.ended");
        var first = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(first);
        var second = NewBrowser();
        var third = NewBrowser();
        await UserStories.SignInAsync(second, email);
        await UserStories.SignInAsync(third, email);

        // One device signed out from another, then the remaining other by "sign out all others".
        var sessions = await SessionsPage.OpenAsync(first);
        await sessions.RevokeAsync(sessions.Rows.First(r => !r.IsCurrent).Handle);
        await (await SessionsPage.OpenAsync(first)).RevokeOthersAsync();
        // A password change with one other session: that one ends, this browser's own goes on under a new token.
        await UserStories.SignInAsync(second, email);
        await (await ChangePasswordPage.OpenAsync(first)).PostAsync(UserStories.Password, "a brand new passphrase");
        await (await SessionsPage.OpenAsync(first)).SignOutEverywhereAsync();
        var again = NewBrowser();
        await UserStories.SignInAsync(again, email, "a brand new passphrase");
        await again.SubmitAsync(Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>(
            (await again.GetDocumentAsync("/profile")).QuerySelector("#signout-form")));

        Assert.Equal(1, Sum(ended, "reason", MetricTags.Revoked));
        Assert.Equal(1, Sum(ended, "reason", MetricTags.RevokedOthers));
        Assert.Equal(1, Sum(ended, "reason", MetricTags.PasswordChanged));
        Assert.Equal(1, Sum(ended, "reason", MetricTags.RevokedAll));
        Assert.Equal(1, Sum(ended, "reason", MetricTags.SignedOut));
        Assert.Equal(5, ended.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task AResetAndADeletionCountEverySessionTheyEnd()
    {
        using var ended = Listen("sessionsite.sessions.ended");
        var first = NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(first, NewBrowser());
        await (await ForgotPasswordPage.OpenAsync(NewBrowser())).PostAsync(email);
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject == "Reset your SessionSite password"), "the reset link");
        var link = SmtpCatcher.LinkIn(fixture.Smtp.To(email).First(m => m.Subject == "Reset your SessionSite password"), "/password/reset");

        await (await ResetPasswordPage.OpenAsync(NewBrowser(), link)).SubmitAsync("a passphrase after the reset");
        var owner = NewBrowser();
        await UserStories.SignInAsync(owner, email, "a passphrase after the reset");
        await UserStories.SignInAsync(NewBrowser(), email, "a passphrase after the reset");
        await UserStories.SignInAsync(NewBrowser(), email, "a passphrase after the reset");
        await (await DeleteAccountPage.OpenAsync(owner)).PostAsync(email);

        Assert.Equal(2, Sum(ended, "reason", MetricTags.PasswordReset));
        Assert.Equal(3, Sum(ended, "reason", MetricTags.Deleted));
    }

    [Fact]
    public async Task MailedLinksAreCountedByKindWhenAsked()
    {
        using var links = Listen("sessionsite.link_requests");
        var (profile, email) = await UserStories.SignUpAsync(NewBrowser());

        await (await ForgotPasswordPage.OpenAsync(NewBrowser())).PostAsync(email);
        await (await ForgotPasswordPage.OpenAsync(NewBrowser())).PostAsync(UserStories.NewEmail());
        await (await ChangeEmailPage.OpenAsync(profile.Browser)).SubmitAsync(UserStories.NewEmail());

        Assert.Equal(1, Sum(links, "kind", MetricTags.VerifyEmailLink));
        // Asked for, known or not: the count must not tell an operator (or a scraper) which addresses exist.
        Assert.Equal(2, Sum(links, "kind", MetricTags.ResetPasswordLink));
        Assert.Equal(1, Sum(links, "kind", MetricTags.ChangeEmailLink));
    }

    [Fact]
    public async Task NoFlowTagCarriesAnEmailAnIdOrAToken()
    {
        using var attempts = Listen("sessionsite.sign_in.attempts");
        using var ended = Listen("sessionsite.sessions.ended");
        var (profile, email) = await UserStories.SignUpAsync(NewBrowser());
        await (await SignInPage.OpenAsync(NewBrowser())).PostAsync(email, "not the password");
        await (await SessionsPage.OpenAsync(profile.Browser)).SignOutEverywhereAsync();

        var values = attempts.GetMeasurementSnapshot().Concat(ended.GetMeasurementSnapshot())
            .SelectMany(m => m.Tags.Values).Select(v => v?.ToString() ?? "").ToList();

        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Matches("^[a-z_]+$", v));
    }
}
