namespace Engagement.Api.Seeding;

/// <summary>Registers demonstration seeding; it runs after the store is initialised and before requests are served.</summary>
public static class SeedingServiceCollectionExtensions
{
    public static IServiceCollection AddDemoDataSeeding(this IServiceCollection services) =>
        services.AddHostedService<DemoDataSeeder>();
}
