using SessionSite.Redis;

namespace SessionSite.Sessions;

/// <summary>
/// The request's session, loaded at most once: the [RequireSession] filter and the layout share one lookup,
/// and requests that never ask (static files, anonymous pages without a layout) cost no Redis command.
/// </summary>
public sealed class CurrentSession(SessionCookie cookie, SessionLoader loader)
{
    private Task<BrowserSession?>? loading;

    public Task<BrowserSession?> GetAsync(HttpContext http) => loading ??= LoadAsync(http);

    /// <summary>For the layout of public pages: when Redis is unreachable they still render, as anonymous.</summary>
    public async Task<BrowserSession?> GetOrAnonymousAsync(HttpContext http)
    {
        try
        {
            return await GetAsync(http);
        }
        catch (Exception e) when (RedisFailure.Is(e))
        {
            Unreachable = true;
            return null;
        }
    }

    /// <summary>True when the browser has a session cookie but Redis could not be asked about it (the page says so).</summary>
    public bool Unreachable { get; private set; }

    /// <summary>The session [RequireSession] loaded; asking for it anywhere else is a programming error.</summary>
    public BrowserSession Required =>
        loading is { IsCompletedSuccessfully: true, Result: { } session }
            ? session
            : throw new InvalidOperationException("This action needs [RequireSession].");

    /// <summary>After sign-in, sign-out or rotation, so the rest of this request sees the new state.</summary>
    public void Replace(BrowserSession? session, HttpContext http)
    {
        loading = Task.FromResult(session);
        http.User = SessionPrincipal.For(session?.Record);
    }

    private async Task<BrowserSession?> LoadAsync(HttpContext http)
    {
        if (!cookie.TryRead(http.Request, out var credential))
        {
            // A cookie under our name that does not parse can never work: delete it rather than meet it again.
            if (cookie.IsPresent(http.Request))
                cookie.Delete(http);
            return null;
        }
        var record = await loader.LoadAsync(credential);
        if (record is null)
        {
            cookie.Delete(http);
            return null;
        }
        http.User = SessionPrincipal.For(record);
        return new BrowserSession(credential, record);
    }
}
