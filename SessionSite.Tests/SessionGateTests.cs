using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.Extensions.DependencyInjection;
using SessionSite.Sessions;
using SessionSite.SignIn;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>
/// The one gate: every action says who may use it, and a half-way session (password right, second step due) is
/// sent to its second step from every page that needs a complete sign-in and from every form but its own and
/// sign-out. The routes come from the controllers themselves, so a new page is covered the day it is added.
/// </summary>
public sealed class SessionGateTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private const string SecondStep = "/signin/two-step";

    private static IEnumerable<(MethodInfo Action, PageAccess? Access)> Actions() =>
        typeof(SessionGate).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(Controller)) && !type.IsAbstract)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttribute<NonActionAttribute>() is null && !method.IsSpecialName)
            .Select(method => (method, (method.GetCustomAttribute<PageAccessAttribute>() ?? method.DeclaringType!.GetCustomAttribute<PageAccessAttribute>())?.Access));

    /// <summary>Every routed (method, path) of an action with this access; route values filled with a harmless word.</summary>
    private static IEnumerable<(string Method, string Path)> Routes(Func<PageAccess, bool> which) =>
        Actions().Where(a => a.Access is { } access && which(access))
            .SelectMany(a => a.Action.GetCustomAttributes<HttpMethodAttribute>()
                .SelectMany(route => route.HttpMethods.Select(method => (method, Fill(route.Template!)))))
            .Distinct();

    private static string Fill(string template) => System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", "abcdefghijkl");

    private static IEnumerable<string> SignedInGets => Routes(access => access == PageAccess.SignedIn).Where(r => r.Method == "GET").Select(r => r.Path);

    private static IEnumerable<string> ForbiddenPosts => Routes(access => access != PageAccess.HalfWayAllowed).Where(r => r.Method == "POST").Select(r => r.Path);

    public static TheoryData<string> SignedInGetRoutes() => [.. SignedInGets];

    public static TheoryData<string> PostRoutesAHalfWaySessionMayNotUse() => [.. ForbiddenPosts];

    [Fact]
    public void EveryActionSaysWhoMayUseIt()
    {
        var unmarked = Actions().Where(a => a.Access is null).Select(a => $"{a.Action.DeclaringType!.Name}.{a.Action.Name}");

        Assert.Empty(unmarked);
    }

    [Fact]
    public void TheSiteRoutesTheActionsTheseTestsWalk()
    {
        // The theories read the controllers by reflection; the site's own action list must be the same set.
        static string Name(MethodInfo m) => $"{m.DeclaringType!.Name}.{m.Name}({string.Join(",", m.GetParameters().Select(p => p.ParameterType.Name))})";
        var routed = fixture.Site.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>().Select(d => Name(d.MethodInfo)).Distinct().Order();

        Assert.Equal(routed, Actions().Select(a => Name(a.Action)).Order());
    }

    [Fact]
    public void ConfirmItsYouGuardsOnlyPagesThatNeedASignIn()
    {
        var misplaced = Actions()
            .Where(a => (a.Action.GetCustomAttribute<RequireConfirmationAttribute>() ?? a.Action.DeclaringType!.GetCustomAttribute<RequireConfirmationAttribute>()) is not null)
            .Where(a => a.Access != PageAccess.SignedIn)
            .Select(a => a.Action.Name);

        Assert.Empty(misplaced);
    }

    [Fact]
    public void OnlyTheSecondStepAndSignOutLetAHalfWaySessionIn()
    {
        // Marking a page as allowed half-way takes it out of the theories below, so the list is spelled out here.
        var allowed = Actions().Where(a => a.Access == PageAccess.HalfWayAllowed).Select(a => a.Action.DeclaringType!.Name).Distinct().Order();

        Assert.Equal([nameof(SignOutController), nameof(TwoStepSignInController)], allowed);
    }

    [Fact]
    public void TheseRouteListsAreNotEmpty()
    {
        Assert.Contains("/account/activity", SignedInGets);
        Assert.Contains("/signup", ForbiddenPosts);
        Assert.DoesNotContain("/signout", ForbiddenPosts);
    }

    [Theory]
    [MemberData(nameof(SignedInGetRoutes))]
    public async Task AHalfWaySessionIsSentToItsSecondStepFromEveryPageThatNeedsASignIn(string path)
    {
        var (browser, _) = await HalfWayAsync();

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SecondStep, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(PostRoutesAHalfWaySessionMayNotUse))]
    public async Task AHalfWaySessionMayPostNoFormButItsSecondStepAndSignOut(string path)
    {
        var (browser, page) = await HalfWayAsync();

        // With a token valid for this browser: only the gate stands between the post and its action.
        var response = await browser.Client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SecondStep, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AHalfWaySessionSeesPublicPagesSignedOutAndMayStillSignOut()
    {
        var (browser, page) = await HalfWayAsync();

        var home = await browser.GetDocumentAsync("/");
        Assert.Null(home.QuerySelector("#signout-form"));
        Assert.NotNull(home.QuerySelector("#nav-signin"));
        var signOut = await browser.Client.PostAsync("/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken)]));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.NotEqual(SecondStep, signOut.Headers.Location?.OriginalString);
        Assert.Null(browser.SessionCookie);
    }

    /// <summary>A browser holding a half-way session of an account with two-step sign-in on, on its second-step page.</summary>
    private async Task<(Browser Browser, TwoStepSignInPage Page)> HalfWayAsync()
    {
        var owner = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(owner);
        await (await TwoStepEnrolPage.OpenAsync(owner)).TurnOnAsync(fixture.Clock.GetUtcNow());
        var browser = fixture.Site.NewBrowser();
        var signIn = await (await SignInPage.OpenAsync(browser)).PostAsync(email, UserStories.Password);
        Assert.StartsWith(SecondStep, signIn.Headers.Location?.OriginalString);
        return (browser, await TwoStepSignInPage.OpenAsync(browser));
    }
}
