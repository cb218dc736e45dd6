namespace SessionSite.Telemetry;

/// <summary>
/// A service that creates observable gauges when it is made. Registered under this interface too, so the metrics
/// endpoint can make every one before the first scrape without naming the features that own them.
/// </summary>
public interface IGaugeSource;
