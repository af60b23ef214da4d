using Engagement.Core.FollowUps;

namespace Engagement.Api.Email;

/// <summary>
/// Deletes expired follow-up addresses at start and then hourly: an address is kept only as long as the retention
/// setting says, whether or not an improvement used it.
/// </summary>
internal sealed partial class FollowUpRetention(IServiceScopeFactory scopes, ILogger<FollowUpRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<ForgetExpiredFollowUps>().ExecuteAsync(stoppingToken);
                if (deleted > 0)
                    LogDeleted(deleted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e);
            }
            await Task.Delay(Every, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired follow-up addresses")]
    private partial void LogDeleted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired follow-up addresses failed; tried again in an hour")]
    private partial void LogFailed(Exception exception);
}
