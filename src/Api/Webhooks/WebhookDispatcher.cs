using Engagement.Api.Settings;
using Engagement.Core.Webhooks;

namespace Engagement.Api.Webhooks;

/// <summary>
/// Turns backlog events into deliveries and posts them, in the background: as long as there is work it keeps going, at
/// most Notifications:MaxBusyPercent of the time (<see cref="Composition.Pace"/>), then it looks again every
/// Webhooks:PollMilliseconds. A failure of the store is logged and tried again; delivery failures
/// are the deliveries' own business (<see cref="DeliverWebhooks"/>).
/// </summary>
internal sealed partial class WebhookDispatcher(IServiceScopeFactory scopes, WebhookSettings settings, EngagementSettings all, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private const int FanOutBatch = 200;

    // A few rounds of concurrent posts, so the last of a batch is sent well within its hold (see DeliverWebhooks.Hold).
    private const int DeliveryBatch = 4 * DeliverWebhooks.MaxConcurrent;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path (a BackgroundService runs synchronously until its first await).
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var read = await scope.ServiceProvider.GetRequiredService<FanOutBacklogEvents>().ExecuteAsync(FanOutBatch, stoppingToken);
                var tried = await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().ExecuteAsync(DeliveryBatch, stoppingToken);
                busy = read == FanOutBatch || tried > 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e);
            }
            var rest = busy ? Composition.Pace.RestAfter(System.Diagnostics.Stopwatch.GetElapsedTime(started), all.NotificationsMaxBusyPercent) : settings.PollInterval;
            if (rest > TimeSpan.Zero)
                await Task.Delay(rest, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook fan-out or delivery failed this round; nothing is lost, it is tried again")]
    private partial void LogFailed(Exception exception);
}

/// <summary>Registers webhooks: the settings as the core's options, the HTTP sender and the background dispatcher.</summary>
internal static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddEngagementWebhooks(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<EngagementSettings>().Webhooks);
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<WebhookSettings>();
            return new WebhookOptions
            {
                AllowPrivateNetworks = settings.AllowPrivateNetworks, FirstRetry = settings.FirstRetry, MaxRetry = settings.MaxRetry, MaxAttempts = settings.MaxAttempts,
            };
        });
        services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
