using Microsoft.Playwright;

namespace SessionSite.Tests.RealBrowser;

/// <summary>axe-core from the npm package (axe.min.js, MPL-2.0, beside this file), run inside the page.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RealBrowser", "axe.min.js")));

    /// <summary>Serious and critical violations, one line each. Evaluated over CDP, so the page's CSP stays on.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(AxeSource.Value);
        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document)).violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
            """);
    }
}
