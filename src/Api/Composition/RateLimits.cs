using System.Threading.RateLimiting;
using Engagement.Api.Auth;
using Engagement.Api.GraphQL;
using Engagement.Api.Settings;

namespace Engagement.Api.Composition;

/// <summary>
/// Per-client-address limits on the public endpoints. The address is the connection's own: forwarded headers
/// are not trusted unless a proxy is configured, so a client cannot dodge the limit by inventing X-Forwarded-For.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddEngagementRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(GraphQLEndpoint.RateLimitPolicy, http => TokenBucket(http, http.RequestServices.GetRequiredService<EngagementSettings>().RateLimits.GraphQLPerMinute));
            o.AddPolicy(AuthEndpoints.SignInRateLimitPolicy, http => TokenBucket(http, http.RequestServices.GetRequiredService<EngagementSettings>().RateLimits.SignInPerMinute));
            o.AddPolicy(Email.UnsubscribeEndpoints.RateLimitPolicy, http => TokenBucket(http, http.RequestServices.GetRequiredService<EngagementSettings>().RateLimits.EmailLinksPerMinute));
            o.AddPolicy(Live.LiveConnectionLimit.RateLimitPolicy, http => Live.LiveConnectionLimit.Partition(http, http.RequestServices.GetRequiredService<EngagementSettings>().RateLimits.LiveConnectionsPerMinute));
            o.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(
                    """{"errors":[{"message":"Too many requests from this address; wait a minute and try again.","extensions":{"code":"RATE_LIMITED"}}]}""", ct);
            };
        });
        return services;
    }

    /// <summary>A bucket of <see cref="PerMinute"/> for the request's client address.</summary>
    public static RateLimitPartition<string> TokenBucket(HttpContext http, int perMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(ClientAddress(http), _ => PerMinute(perMinute));

    /// <summary>The client address limits are kept per: the connection's own (see the class summary).</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// The one shape of every limit: a bucket of a minute's allowance, refilled a sixth every 10 s, so a client may
    /// burst up to the limit and then goes at the limit's pace; nothing is queued.
    /// </summary>
    public static TokenBucketRateLimiterOptions PerMinute(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, perMinute / 6),
        ReplenishmentPeriod = TimeSpan.FromSeconds(10),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
