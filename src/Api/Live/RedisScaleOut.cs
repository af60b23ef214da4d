using Engagement.Api.Health;
using Engagement.Api.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace Engagement.Api.Live;

/// <summary>
/// Scale-out through Redis when <c>ConnectionStrings:Redis</c> is set: the SignalR backplane (a vote on one node reaches
/// viewers on every node), data-protection keys in one Redis list (a staff cookie from one node is read by all), and
/// Redis in the ready check. Without the setting nothing here is registered and a node works alone.
/// </summary>
public static class RedisScaleOut
{
    /// <summary>Shared by every node, so each reads the others' cookies whatever directory it runs from.</summary>
    public const string DataProtectionApplicationName = "engagement";

    public static IServiceCollection AddEngagementRedisScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        // Only whether the setting is present is decided here, while the builder runs; its value is parsed and checked
        // with every other setting by EngagementSettings, so a malformed one stops start-up with a message naming it.
        if (string.IsNullOrWhiteSpace(configuration[RedisSettings.Setting]))
            return services;

        services.AddSingleton<RedisConnection>();
        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<RedisOptions>().Configure<RedisConnection>((o, redis) => o.ConnectionFactory = _ => redis.GetAsync());

        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        // Keys are stored unencrypted, as with the default file store: the Redis must be private to the deployment.
        services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((o, redis) =>
            o.XmlRepository = new RedisXmlRepository(() => redis.Database, redis.Settings.DataProtectionKey));

        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
