namespace SessionSite.Tests.Infrastructure;

/// <summary>The one way tests wait for something outside them (a process, a port, a page): poll, with a deadline.</summary>
public static class Poll
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Delay(Step);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, int seconds = 30) =>
        UntilAsync(() => Task.FromResult(condition()), what, seconds);

    /// <summary>Until <paramref name="path"/> answers <paramref name="expected"/>; connection failures count as not yet.</summary>
    public static async Task<HttpResponseMessage> UntilStatusAsync(HttpClient client, string path, System.Net.HttpStatusCode expected, int seconds = 30)
    {
        HttpResponseMessage? last = null;
        await UntilAsync(async () =>
        {
            try
            {
                last = await client.GetAsync(path);
                return last.StatusCode == expected;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, $"{path} to answer {(int)expected}", seconds);
        return last!;
    }
}
