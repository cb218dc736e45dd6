using SessionSite.Accounts;

namespace SessionSite.Passkeys;

/// <summary>
/// The Lua scripts that change a user's passkeys. Each touches only keys under the user's hash tag (the account
/// and its passkey hash), so it runs in one Cluster slot, and each checks the account still exists, so a change
/// racing a deletion never brings a passkey hash back. Hand-written: no library makes these writes atomic.
/// </summary>
internal static class PasskeyScripts
{
    // KEYS = account, passkeys; ARGV = credential id, stored JSON. Adds it and moves the credential stamp: 1, else 0.
    public const string Add = $$"""
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return 0 end
        redis.call('HINCRBY', KEYS[1], '{{AccountFields.CredentialStampField}}', 1)
        return 1
        """;

    // KEYS = account, passkeys; ARGV = credential id. Removes it and moves the credential stamp: 1, else 0.
    public const string Remove = $$"""
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        if redis.call('HDEL', KEYS[2], ARGV[1]) == 0 then return 0 end
        redis.call('HINCRBY', KEYS[1], '{{AccountFields.CredentialStampField}}', 1)
        return 1
        """;

    // KEYS = account, passkeys; ARGV = credential id, new name. 1 when renamed, 0 when the passkey is gone.
    public const string Rename = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        local raw = redis.call('HGET', KEYS[2], ARGV[1])
        if not raw then return 0 end
        local p = cjson.decode(raw)
        p.n = ARGV[2]
        redis.call('HSET', KEYS[2], ARGV[1], cjson.encode(p))
        return 1
        """;

    // KEYS = account, passkeys; ARGV = credential id, the assertion's sign count, backed up (1/0), now (ms).
    // The counter is compared again here, where it is written: of two assertions racing with one counter value
    // only one counts. 1 when recorded, -1 when the count did not go up (a cloned authenticator?), 0 when gone.
    public const string RecordUse = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        local raw = redis.call('HGET', KEYS[2], ARGV[1])
        if not raw then return 0 end
        local p = cjson.decode(raw)
        local stored = tonumber(p.sc) or 0
        local count = tonumber(ARGV[2])
        if (count ~= 0 or stored ~= 0) and count <= stored then return -1 end
        p.sc = count
        p.bs = ARGV[3] == '1'
        p.u = tonumber(ARGV[4])
        redis.call('HSET', KEYS[2], ARGV[1], cjson.encode(p))
        return 1
        """;

    /// <summary>Deletes a lookup key only while it still names the user (<c>AddressKeys</c>' pattern).</summary>
    public const string ReleaseLookup = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    /// <summary>Makes a claimed lookup key permanent, only while it still names the user.</summary>
    public const string KeepLookup = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PERSIST', KEYS[1]) end return 0";
}
