using System.Text.Json.Serialization;

namespace SessionSite.Sessions;

[JsonSerializable(typeof(SessionRecord))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
