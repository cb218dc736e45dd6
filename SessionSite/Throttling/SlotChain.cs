using StackExchange.Redis;

namespace SessionSite.Throttling;

/// <summary>One limit a request must fit in: at most <see cref="Limit"/> slots per <see cref="Window"/> under <see cref="Key"/>.</summary>
public readonly record struct Slot(RedisKey Key, TimeSpan Window, int Limit);

/// <summary>
/// What taking a chain of slots came to: <see cref="Full"/> is the index of the first full limit (and
/// <see cref="Wait"/> how long until it frees), or null when every slot was taken; <see cref="Taken"/> counts the
/// slots in use in the last limit tried.
/// </summary>
public readonly record struct ChainTake(int? Full, TimeSpan? Wait, long Taken)
{
    public bool Allowed => Full is null;
}

/// <summary>
/// The one mechanism every throttle here shares: "the client address's slot, then the subject's" (account, session,
/// target address). Slots are taken in order, so a flood from one address is refused before it touches anyone's
/// count; when one is full the slots already taken are given back, so a refused request counts nowhere.
/// </summary>
public static class SlotChain
{
    public static async Task<ChainTake> TakeEachAsync(this SlidingWindow window, IReadOnlyList<Slot> slots, DateTimeOffset now, string member)
    {
        long taken = 0;
        for (var i = 0; i < slots.Count; i++)
        {
            var take = await window.TakeAsync(slots[i].Key, slots[i].Window, slots[i].Limit, now, member);
            if (take.Wait is { } wait)
            {
                for (var j = 0; j < i; j++)
                    await window.GiveBackAsync(slots[j].Key, member);
                return new ChainTake(i, wait, take.Taken);
            }
            taken = take.Taken;
        }
        return new ChainTake(null, null, taken);
    }
}
