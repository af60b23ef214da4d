using Engagement.Api.Live;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Engagement.Api.Health;

/// <summary>
/// Reports Redis as Degraded, not Unhealthy, when it does not answer: a node without Redis still serves every request
/// from the store (only live updates between nodes pause, and they resume on reconnect), and since all nodes share
/// one Redis, failing readiness would take every node out of the load balancer at once for a partial outage.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var multiplexer = await redis.GetAsync().WaitAsync(cancellationToken);
            // A ping while disconnected would wait out the command timeout in the multiplexer's backlog; the flag is enough.
            if (!multiplexer.IsConnected)
                return HealthCheckResult.Degraded("Redis does not answer; live updates between nodes pause until it reconnects.");
            var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"Redis answers ({latency.TotalMilliseconds:0.#} ms).");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception text may hold the connection string; the probe only needs the verdict.
            return HealthCheckResult.Degraded($"Redis failed: {e.GetType().Name}; live updates between nodes pause until it reconnects.");
        }
    }
}
