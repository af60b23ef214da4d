using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Engagement.Api.Composition;
using Engagement.Api.Settings;
using Engagement.GraphQL.Errors;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections.Features;

namespace Engagement.Api.Live;

/// <summary>
/// How many live connections one client address may open, and hold: each one holds a buffer and group memberships on
/// the server, so without a bound one client could open them until the server's memory runs out.
/// <para>
/// A new connection starts with a negotiation, or (a WebSocket that skips it) a request without a connection id; only
/// those count against <see cref="RateLimitSettings.LiveConnectionsPerMinute"/>, so a long-polling viewer's polls never
/// do. The number open is counted where the hub runs, once per connection whatever its transport: a negotiation from
/// an address at <see cref="LiveSettings.MaxConnectionsPerAddress"/> is refused with 429 and a message, and a connection
/// that skipped negotiation is closed before the hub sees it.
/// </para>
/// </summary>
public sealed partial class LiveConnectionLimit(EngagementSettings settings, ILogger<LiveConnectionLimit> logger)
{
    /// <summary>The rate-limit policy of the hub's endpoints.</summary>
    public const string RateLimitPolicy = "live";

    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Connections open from an address now.</summary>
    public int OpenFrom(string address) => _open.GetValueOrDefault(address);

    /// <summary>The partition of a hub request: new connections share their address's bucket; the rest are not limited.</summary>
    public static RateLimitPartition<string> Partition(HttpContext http, int perMinute) =>
        StartsConnection(http.Request) ? RateLimits.TokenBucket(http, perMinute) : RateLimitPartition.GetNoLimiter("");

    /// <summary>HTTP middleware for the hub's path: a negotiation from an address holding its most connections is refused.</summary>
    public async Task RefuseWhenFullAsync(HttpContext http, RequestDelegate next)
    {
        // Only a new connection is counted: a poll or send of one already open passes straight on.
        if (StartsConnection(http.Request) && OpenFrom(RateLimits.ClientAddress(http)) >= settings.Live.MaxConnectionsPerAddress)
        {
            LogRefused(logger, settings.Live.MaxConnectionsPerAddress);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "60";
            await http.Response.WriteAsJsonAsync(new
            {
                error = $"This address already holds {settings.Live.MaxConnectionsPerAddress} live connections, the most allowed; close one (another tab or window) and try again.",
                code = ApiErrorCodes.RateLimited,
            });
            return;
        }
        await next(http);
    }

    /// <summary>Connection middleware for the hub: counts the connection against its address while the hub runs on it.</summary>
    public async Task HoldAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var address = connection.Features.Get<IHttpContextFeature>()?.HttpContext is { } http ? RateLimits.ClientAddress(http) : "unknown";
        var open = _open.AddOrUpdate(address, 1, (_, n) => n + 1);
        try
        {
            // Over the bound only by skipping negotiation (or by a race of negotiations): closed before the hub runs.
            if (open > settings.Live.MaxConnectionsPerAddress)
            {
                LogRefused(logger, settings.Live.MaxConnectionsPerAddress);
                return;
            }
            await next(connection);
        }
        finally
        {
            // Removed at zero, so addresses that have gone do not stay in the map.
            if (_open.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
                _open.TryRemove(KeyValuePair.Create(address, 0));
        }
    }

    private static bool StartsConnection(HttpRequest request) =>
        request.Path.Value?.EndsWith("/negotiate", StringComparison.Ordinal) == true || !request.Query.ContainsKey("id");

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a live connection: its address already holds {Max}, the most allowed.")]
    private static partial void LogRefused(ILogger logger, int max);
}
