using System.Text.Json.Serialization;
using Engagement.Api.Settings;
using Engagement.Core.Live;
using Microsoft.AspNetCore.SignalR;

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
        services.AddSingleton<LiveConnectionLimit>();
        services.AddSingleton<StalledViewers>();
        services.AddHostedService(sp => sp.GetRequiredService<StalledViewers>());
        return services;
    }

    public static WebApplication MapLiveHub(this WebApplication app)
    {
        // MapHub with one connection middleware in front of the hub (MapHub itself takes none): the stalled-viewer
        // watch must see every write the hub makes, whichever lifetime manager (local or Redis) makes it.
        // Resolved at the first connection, not here: settings are read lazily so that bad ones end the host with
        // their own message (exit code 2) rather than inside endpoint mapping.
        var stalled = new Lazy<StalledViewers>(app.Services.GetRequiredService<StalledViewers>);
        var limit = new Lazy<LiveConnectionLimit>(app.Services.GetRequiredService<LiveConnectionLimit>);
        app.UseWhen(http => http.Request.Path.StartsWithSegments(HubPath), hub => hub.Use((http, next) => limit.Value.RefuseWhenFullAsync(http, next)));
        app.MapConnections(HubPath, new() { TransportMaxBufferSize = LiveSettings.ViewerBufferBytes }, connection => connection
                .Use(next => context => limit.Value.HoldAsync(context, next))
                .Use(next => context => stalled.Value.WatchAsync(context, next))
                .UseHub<LiveHub>())
            .WithMetadata(new HubMetadata(typeof(LiveHub)))
            .RequireRateLimiting(LiveConnectionLimit.RateLimitPolicy);
        return app;
    }
}
