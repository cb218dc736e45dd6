using Microsoft.Playwright;

namespace SessionSite.Tests.RealBrowser;

/// <summary>
/// Everything a page complains about while a test drives it: console errors (CSP violations among them),
/// failed and refused requests. A test ends by asserting there were none.
/// </summary>
public sealed class PageWatch
{
    private readonly List<string> problems = [];

    public PageWatch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsExpectedStatus(message.Text))
                problems.Add($"console: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} ({request.Failure})");
    }

    public IReadOnlyList<string> Problems => problems;

    // Chromium logs every 4xx/5xx document load; the tests that reach those pages do so on purpose.
    private static bool IsExpectedStatus(string text) => text.StartsWith("Failed to load resource: the server responded with a status of");
}
