using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SessionSite.TagHelpers;

/// <summary>
/// Marks an input whose field failed validation with <c>aria-invalid="true"</c> (for screen readers and for
/// site.js, which focuses the first one) and Bootstrap's <c>is-invalid</c> style.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the framework's InputTagHelper, so the attributes it writes are already there.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            output.AddClass("is-invalid", System.Text.Encodings.Web.HtmlEncoder.Default);
        }
    }
}
