using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Routing;
using SessionSite.Forms;
using SessionSite.Settings;
using SessionSite.SignIn;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Unit;

/// <summary>
/// Feature folders: a controller's views sit beside it in <c>&lt;Feature&gt;/Views/</c>, what several features
/// render sits in <c>Shared/</c>, and nothing goes back to the template's <c>Views/&lt;Controller&gt;/</c>.
/// </summary>
public sealed class FeatureFolderTests
{
    private static readonly string Project = RepositoryRoot.File("SessionSite");

    private static ControllerActionDescriptor ActionOf<TController>() =>
        new() { ControllerTypeInfo = typeof(TController).GetTypeInfo(), ControllerName = typeof(TController).Name.Replace("Controller", "") };

    private static ViewLocationExpanderContext Context(ActionDescriptor action) =>
        new(new ActionContext(new DefaultHttpContext(), new RouteData(), action), "Index", controllerName: null, areaName: null, pageName: null, isMainPage: true);

    private static List<string> Locations(ActionDescriptor action)
    {
        var expander = new FeatureViewLocations();
        var context = Context(action);
        context.Values = new Dictionary<string, string?>(); // MVC's engine sets this before asking
        expander.PopulateValues(context);
        return expander.ExpandViewLocations(context, ["/Views/{1}/{0}.cshtml", "/Views/Shared/{0}.cshtml"]).ToList();
    }

    [Fact]
    public void AControllerLooksInItsFeaturesViewsThenInShared()
    {
        Assert.Equal(["/SignIn/Views/{0}.cshtml", "/Shared/{0}.cshtml"], Locations(ActionOf<TwoStepSignInController>()));
        Assert.Equal(["/Settings/Views/{0}.cshtml", "/Shared/{0}.cshtml"], Locations(ActionOf<OverviewController>()));
    }

    [Fact]
    public void SomethingThatIsNoControllerLooksOnlyInShared() =>
        Assert.Equal(["/Shared/{0}.cshtml"], Locations(new ActionDescriptor()));

    [Fact]
    public void EveryViewSitsInAFeaturesViewsFolderOrInShared()
    {
        var misplaced = Directory.EnumerateFiles(Project, "*.cshtml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Project, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("bin/") && !path.StartsWith("obj/"))
            .Where(path => path is not ("_ViewImports.cshtml" or "_ViewStart.cshtml"))
            .Where(path => !path.StartsWith("Shared/") && path.Split('/') is not [_, "Views", _])
            .ToList();

        Assert.Empty(misplaced);
    }

    [Fact]
    public void EveryFeatureViewsFolderBelongsToAControllersNamespace()
    {
        var featuresWithControllers = typeof(Program).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(Controller)) && !type.IsAbstract)
            .Select(type => type.Namespace!.Split('.')[^1])
            .ToHashSet();
        var viewFolders = Directory.EnumerateDirectories(Project, "Views", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Project, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("bin/") && !path.StartsWith("obj/"))
            .ToList();

        Assert.NotEmpty(viewFolders);
        Assert.All(viewFolders, folder => Assert.Contains(folder.Split('/')[0], featuresWithControllers));
        Assert.DoesNotContain("Views", viewFolders); // the template's folder by type is gone
    }
}
