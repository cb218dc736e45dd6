using Microsoft.Extensions.DependencyInjection;
using SessionSite.Throttling;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests;

/// <summary>The mechanism every throttle shares, on real Redis: slots in order, and a refused request counts nowhere.</summary>
public sealed class SlotChainTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private SlidingWindow Windows => fixture.Site.Services.GetRequiredService<SlidingWindow>();

    private static string Key(string name) => $"test:chain:{name}:{Guid.NewGuid():N}";

    [Fact]
    public async Task AFullLaterLimitGivesBackTheSlotsTakenBeforeIt()
    {
        var (address, subject) = (Key("address"), Key("subject"));
        var now = DateTimeOffset.UtcNow;
        Slot[] slots = [new(address, Window, 5), new(subject, Window, 2)];

        var results = new List<ChainTake>();
        for (var i = 0; i < 4; i++)
            results.Add(await Windows.TakeEachAsync(slots, now, SlidingWindow.NewMember(now)));

        Assert.Equal([true, true, false, false], results.Select(r => r.Allowed));
        Assert.Equal(1, results[2].Full);
        Assert.NotNull(results[2].Wait);
        Assert.Equal(2, results[1].Taken);
        // Two refused requests: the address counts only the two that went through.
        Assert.Equal(2, await fixture.Redis.Database.SortedSetLengthAsync(address));
    }

    [Fact]
    public async Task AFullFirstLimitTouchesNoLaterOne()
    {
        var (address, subject) = (Key("address"), Key("subject"));
        var now = DateTimeOffset.UtcNow;
        Slot[] slots = [new(address, Window, 1), new(subject, Window, 10)];

        await Windows.TakeEachAsync(slots, now, SlidingWindow.NewMember(now));
        var refused = await Windows.TakeEachAsync(slots, now, SlidingWindow.NewMember(now));

        Assert.Equal(0, refused.Full);
        Assert.Equal(1, await fixture.Redis.Database.SortedSetLengthAsync(subject));
    }
}
