namespace SessionSite.Sessions;

/// <summary>Ending sessions: the index member goes with its entry and a note of why, in one step per user (<see cref="SessionIndex"/>).</summary>
public sealed class SessionRevocation(SessionIndex index, TimeProvider clock)
{
    /// <summary>Ends the session the credential names; how many ended (0 when it was gone already).</summary>
    public Task<int> DeleteAsync(SessionCredential credential) =>
        index.RemoveAsync(credential.UserId, [credential.StorageHash], clock.GetUtcNow());

    /// <summary>Ends one of the user's listed sessions; false when it had ended meanwhile.</summary>
    public async Task<bool> RevokeAsync(string userId, ListedSession target) =>
        await index.RemoveAsync(userId, [target.StorageHash], clock.GetUtcNow(), EndReason.SignedOutElsewhere) > 0;

    /// <summary>Ends the named sessions with <paramref name="reason"/>; how many ended.</summary>
    public Task<int> RevokeManyAsync(string userId, IReadOnlyCollection<string> storageHashes, string reason) =>
        storageHashes.Count == 0 ? Task.FromResult(0) : index.RemoveAsync(userId, storageHashes, clock.GetUtcNow(), reason);

    /// <summary>Ends every session of the user but the one named; returns how many ended.</summary>
    public async Task<int> RevokeAllExceptAsync(string userId, string? keepStorageHash, string reason = EndReason.SignedOutElsewhere)
    {
        var now = clock.GetUtcNow();
        var others = (await index.MembersAsync(userId, now)).Where(hash => hash != keepStorageHash).ToArray();
        return others.Length == 0 ? 0 : await index.RemoveAsync(userId, others, now, reason);
    }

    /// <summary>Why the session the credential named ended, while the index still remembers.</summary>
    public Task<string?> EndReasonAsync(SessionCredential credential) => index.EndReasonAsync(credential.UserId, credential.StorageHash);
}
