using Engagement.Core.Email;
using Engagement.Email;
using Microsoft.AspNetCore.DataProtection;

namespace Engagement.Api.Email;

/// <summary>
/// Sends the outbox in the background: as long as messages go out it keeps going, at most Notifications:MaxBusyPercent
/// of the time (<see cref="Composition.Pace"/>), then it looks again every few seconds. A failure of the store is logged
/// and tried again; delivery failures are the outbox's own business (<see cref="DispatchOutbox"/>).
/// </summary>
internal sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, Settings.EngagementSettings settings, ILogger<OutboxDispatcher> logger) : BackgroundService
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
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
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
            var rest = sent == 0 ? Idle : Composition.Pace.RestAfter(System.Diagnostics.Stopwatch.GetElapsedTime(started), settings.NotificationsMaxBusyPercent);
            if (rest > TimeSpan.Zero)
                await Task.Delay(rest, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the outbox failed this round; its messages stay and are tried again")]
    private partial void LogFailed(Exception exception);
}

/// <summary>
/// Registers email: the templates and sender chosen by the Smtp:* settings, the outbox dispatcher, signed links on the
/// shared data-protection keys, and what the core needs to write email (composer, follow-ups, closing the loop).
/// </summary>
internal static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEngagementEmailDelivery(this IServiceCollection services)
    {
        services.AddEngagementEmail(sp => sp.GetRequiredService<Settings.EngagementSettings>().Email);
        services.AddHostedService<OutboxDispatcher>();

        services.AddDataProtection().SetApplicationName(Live.RedisScaleOut.DataProtectionApplicationName);
        // Links in emails must outlive a restart: without Redis, keys are kept beside the SQLite file (Redis scale-out sets its own store).
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<Settings.EngagementSettings, ILoggerFactory>((o, settings, logs) =>
            {
                if (o.XmlRepository is null && settings.Redis is null)
                {
                    var directory = new DirectoryInfo(Path.Combine(Path.GetDirectoryName(settings.SqlitePath) ?? ".", "keys"));
                    o.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(directory, logs);
                }
            });
        services.AddSingleton<Core.Email.ISignedTokens, Engagement.Email.Links.DataProtectionSignedTokens>();
        services.AddSingleton(sp => new Core.Email.PublicLinks(sp.GetRequiredService<Settings.EngagementSettings>().PublicBaseUrl));
        services.AddSingleton<Core.Email.EmailComposer>();
        services.AddSingleton(sp => new Core.FollowUps.FollowUpOptions { Retention = sp.GetRequiredService<Settings.EngagementSettings>().FollowUpRetention });
        services.AddSingleton<Core.FollowUps.FollowUpOptIn>();
        services.AddSingleton<Core.FollowUps.ClosingTheLoop>();
        services.AddSingleton<Core.Notifications.StaffRecipients>();
        services.AddSingleton<Core.Notifications.DriftAlertNotices>();
        services.AddHostedService<ModerationDigests>();
        return services;
    }
}
