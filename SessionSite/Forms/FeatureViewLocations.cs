using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace SessionSite.Forms;

/// <summary>
/// Feature folders: a controller in <c>SessionSite.SignIn</c> finds its views in <c>/SignIn/Views/</c>, and every
/// page finds the layout and the partials several features use in <c>/Shared/</c>. MVC's location formats know a
/// controller's name but not its namespace, so these few lines replace its <c>/Views/{controller}/</c> convention.
/// </summary>
public sealed class FeatureViewLocations : IViewLocationExpander
{
    private const string FeatureKey = "feature";

    private static readonly string[] Formats = ["/{feature}/Views/{0}.cshtml", "/Shared/{0}.cshtml"];

    /// <summary>The feature folder of the controller rendering the page: the part of its namespace after <c>SessionSite</c>.</summary>
    public static string? FeatureOf(ActionContext context) =>
        (context.ActionDescriptor as ControllerActionDescriptor)?.ControllerTypeInfo.Namespace?.Split('.') is [_, var feature, ..] ? feature : null;

    // MVC caches where it found a view by these values, so two features' "Index" never share an entry.
    public void PopulateValues(ViewLocationExpanderContext context) =>
        context.Values[FeatureKey] = FeatureOf(context.ActionContext);

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(FeatureKey, out var feature) && feature is not null
            ? Formats.Select(format => format.Replace("{feature}", feature))
            : Formats.Skip(1);
}
