namespace SessionSite.Sessions;

/// <summary>The Bootstrap Icon for a device label ("Safari on iOS"): a phone, a tablet, or else a laptop.</summary>
public static class DeviceIcon
{
    public static string For(string deviceLabel) =>
        deviceLabel.EndsWith("iPadOS", StringComparison.Ordinal) ? "bi-tablet"
        : deviceLabel.EndsWith(" iOS", StringComparison.Ordinal) || deviceLabel.EndsWith("Android", StringComparison.Ordinal) ? "bi-phone"
        : "bi-laptop";
}
