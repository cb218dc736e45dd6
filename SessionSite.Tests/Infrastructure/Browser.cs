using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;

namespace SessionSite.Tests.Infrastructure;

/// <summary>One browser: an HttpClient with its own cookie jar, and the means to read and submit pages.</summary>
public sealed class Browser(HttpClient client, CookieContainer cookies)
{
    public const string SessionCookieName = "sessionsite";

    public static readonly Uri Site = new("http://localhost/");

    public HttpClient Client => client;

    public CookieContainer Cookies => cookies;

    public string? SessionCookie => cookies.GetCookies(Site)[SessionCookieName]?.Value;

    public Cookie? SessionCookieDetails => cookies.GetCookies(Site)[SessionCookieName];

    /// <summary>Plants a session cookie (a stolen, tampered or replayed one), as an attacker's browser would hold it.</summary>
    public Browser WithSessionCookie(string value)
    {
        cookies.Add(Site, new Cookie(SessionCookieName, value, "/"));
        return this;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(path);

    /// <summary>Every later request arrives through the (trusted, loopback) proxy on behalf of this client IP.</summary>
    public Browser ComingFrom(string ip)
    {
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return this;
    }

    public async Task<IHtmlDocument> GetDocumentAsync(string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(AngleSharp.Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(content).Address(response.RequestMessage!.RequestUri!));
        return (IHtmlDocument)document;
    }

    /// <summary>Fills the named inputs and submits the form as a browser would, hidden fields included.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null)
    {
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            var input = Assert.IsAssignableFrom<IHtmlInputElement>(form[name]);
            if (input.Type == "checkbox")
                input.IsChecked = value == "true";
            else
                input.Value = value;
        }
        var submitButton = Assert.IsAssignableFrom<IHtmlElement>(Assert.Single(form.QuerySelectorAll("[type=submit]")));
        var submission = form.GetSubmission(submitButton)!;
        var request = new HttpRequestMessage(new System.Net.Http.HttpMethod(submission.Method.ToString()), new Uri(submission.Target.Href))
        {
            Content = new StreamContent(submission.Body),
        };
        foreach (var header in submission.Headers)
            request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return client.SendAsync(request);
    }

    /// <summary>Asserts a redirect to <paramref name="expectedPath"/> and follows it.</summary>
    public async Task<IHtmlDocument> FollowRedirectAsync(HttpResponseMessage response, string expectedPath)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedPath, response.Headers.Location?.OriginalString);
        return await GetDocumentAsync(expectedPath);
    }
}
