using Engagement.Core.Organisations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engagement.Insights.Background;

/// <summary>
/// Background work that visits every organisation, one at a time, then waits an interval and starts again. A failure
/// is logged and retried on the next round; it never stops the host. Every node runs it, so the work must give the same
/// result from any node (it does: themes are deterministic, alerts are unique per subject, metric and day).
/// </summary>
internal abstract partial class EveryOrganisation(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task VisitAsync(IServiceProvider services, string organisationId, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path (a BackgroundService runs synchronously until its first await).
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                foreach (var organisation in await scope.ServiceProvider.GetRequiredService<IOrganisationStore>().ListAsync(stoppingToken))
                    await VisitAsync(scope.ServiceProvider, organisation.Id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e, GetType().Name);
            }
            await Task.Delay(Interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker} failed this round; what it last produced stays, and the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string worker);
}
