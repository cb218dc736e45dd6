using Microsoft.Playwright;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.RealBrowser;

/// <summary>Full-page screenshots for reviewers, in SessionSite.Tests/TestResults/screenshots (or $SESSIONSITE_SCREENSHOTS).</summary>
public static class Screenshots
{
    public static string Folder { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("SESSIONSITE_SCREENSHOTS")
        ?? RepositoryRoot.File("SessionSite.Tests", "TestResults", "screenshots")).FullName;

    public static async Task TakeAsync(IPage page, string name)
    {
        var size = page.ViewportSize!;
        var path = Path.Combine(Folder, $"{name}-{size.Width}x{size.Height}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
