using Engagement.Core.Insights;
using Engagement.Insights.Background;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engagement.Insights.Drift;

/// <summary>Checks every organisation's services and open consultations for drift at the configured interval.</summary>
internal sealed partial class DriftWatcher(IServiceScopeFactory scopes, InsightsOptions options, ILogger<DriftWatcher> logger)
    : EveryOrganisation(scopes, logger)
{
    protected override TimeSpan Interval => options.DriftCheckInterval;

    protected override async Task VisitAsync(IServiceProvider services, string organisationId, CancellationToken ct)
    {
        foreach (var alert in await services.GetRequiredService<DriftDetection>().ExecuteAsync(organisationId, ct))
            LogRaised(alert.Subject, alert.SubjectId, alert.Metric, alert.Observed, alert.Baseline, alert.Z);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drift alert: {Subject} {SubjectId} {Metric} {Observed:0.###} against a baseline of {Baseline:0.###} (z = {Z:0.0})")]
    private partial void LogRaised(DriftSubject subject, string subjectId, DriftMetric metric, double observed, double baseline, double z);
}
