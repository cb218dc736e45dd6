using System.Text.Json.Serialization;

namespace SessionSite.Sessions;

[JsonSerializable(typeof(SessionUser))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
