using Engagement.Api.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Engagement.Api.Health;

/// <summary>Ready only while the store answers.</summary>
internal sealed class StoreHealthCheck(StorageAdapter storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await storage.IsHealthyAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{storage.Name} store answers.")
                : HealthCheckResult.Unhealthy($"{storage.Name} store does not answer.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception text may hold paths or connection details; the probe only needs the verdict.
            return HealthCheckResult.Unhealthy($"{storage.Name} store failed: {e.GetType().Name}.");
        }
    }
}
