namespace SessionSite.Links;

public static class LinkServiceCollectionExtensions
{
    public static IServiceCollection AddSingleUseLinks(this IServiceCollection services) =>
        services.AddSingleton<SingleUseLinks>().AddSingleton<LinkRedemption>().AddSingleton<RecoverLinks>();
}
