namespace SessionSite.Devices;

public static class DeviceServiceCollectionExtensions
{
    /// <summary>Recognising the browsers an account signs in from, to announce new ones.</summary>
    public static IServiceCollection AddDevices(this IServiceCollection services)
    {
        services.AddSingleton<DeviceCookie>();
        services.AddSingleton<DeviceKeys>();
        services.AddSingleton<KnownDevices>();
        services.AddScoped<NewDeviceNotice>();
        return services;
    }
}
