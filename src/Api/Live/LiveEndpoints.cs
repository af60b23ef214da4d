using System.Text.Json.Serialization;
using Engagement.Core.Live;

namespace Engagement.Api.Live;

/// <summary>Registers the live hub and its coalescing broadcaster, and maps the hub.</summary>
public static class LiveEndpoints
{
    public const string HubPath = "/hubs/live";

    public static IServiceCollection AddEngagementLive(this IServiceCollection services)
    {
        services.AddSignalR()
            // Enum names ("Rating", "YesNo") read the same here as in the GraphQL API.
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<LiveSnapshots>();
        services.AddSingleton<CoalescingBroadcaster>();
        services.AddSingleton<ILiveNotifier>(sp => sp.GetRequiredService<CoalescingBroadcaster>());
        services.AddHostedService(sp => sp.GetRequiredService<CoalescingBroadcaster>());
        return services;
    }

    public static WebApplication MapLiveHub(this WebApplication app)
    {
        app.MapHub<LiveHub>(HubPath);
        return app;
    }
}
