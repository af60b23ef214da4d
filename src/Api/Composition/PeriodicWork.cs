namespace Engagement.Api.Composition;

/// <summary>
/// Background work the host runs at an interval, each round in a fresh scope: off the start-up path, a failure logged
/// and retried next round, never stopping the host. Every node runs it, so a round must be safe to run twice.
/// </summary>
internal abstract partial class PeriodicWork(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A BackgroundService runs synchronously until its first await.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunAsync(scope.ServiceProvider, stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker} failed this round; the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string worker);
}
