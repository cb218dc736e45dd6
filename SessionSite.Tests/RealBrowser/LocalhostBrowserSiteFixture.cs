namespace SessionSite.Tests.RealBrowser;

/// <summary>The browser fixture browsed at <c>http://localhost:PORT</c>, for passkeys (see <see cref="BrowserSiteFixture.OnLocalhost"/>).</summary>
public sealed class LocalhostBrowserSiteFixture : BrowserSiteFixture
{
    protected override bool OnLocalhost => true;
}
