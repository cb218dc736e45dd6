using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SessionSite.Sessions;

/// <summary>
/// A session's public id, as the sessions page and its revoke links show it: 72 bits of SHA-256 over the storage
/// hash, with a label so it is never the hash of anything else. Derived rather than stored, so Redis pays no bytes
/// for it; one-way, so a page that shows it reveals nothing that names the session's key.
/// </summary>
public static class SessionHandle
{
    public static string Of(string storageHash) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes("session-handle:" + storageHash)).AsSpan(0, 9));
}
