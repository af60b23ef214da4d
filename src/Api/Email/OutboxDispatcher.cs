using Engagement.Core.Email;
using Engagement.Email;

namespace Engagement.Api.Email;

/// <summary>
/// Sends the outbox in the background: as long as messages go out it keeps going, then it
/// looks again every few seconds. A failure of the store is logged and tried again; delivery failures are the
/// outbox's own business (<see cref="DispatchOutbox"/>).
/// </summary>
internal sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path (a BackgroundService runs synchronously until its first await).
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                sent = await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().ExecuteAsync(BatchSize, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e);
            }
            if (sent == 0)
                await Task.Delay(Idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the outbox failed this round; its messages stay and are tried again")]
    private partial void LogFailed(Exception exception);
}

/// <summary>Registers email: the sender chosen by the Smtp:* settings, and the outbox dispatcher.</summary>
internal static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEngagementEmailDelivery(this IServiceCollection services)
    {
        services.AddEngagementEmail(sp => sp.GetRequiredService<Settings.EngagementSettings>().Email);
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
