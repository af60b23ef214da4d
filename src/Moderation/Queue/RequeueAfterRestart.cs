using Engagement.Core.Moderation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Engagement.Moderation.Queue;

/// <summary>
/// In the background at start (the host readies the store before any background work), queues texts a previous process
/// held but never queued. Only texts written before this process started are looked at, so it never races a request of
/// its own that is about to queue.
/// </summary>
internal sealed partial class RequeueAfterRestart(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<RequeueAfterRestart> logger) : BackgroundService
{
    private readonly DateTimeOffset _startedAt = clock.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path (a BackgroundService runs synchronously until its first await).
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var queued = await scope.ServiceProvider.GetRequiredService<RequeueUnqueuedTexts>().ExecuteAsync(_startedAt, stoppingToken);
            if (queued > 0)
                LogQueued(queued);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The texts stay held, so nothing is shown that should not be; the next start tries again.
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued {Count} held texts whose moderation item was lost in a restart")]
    private partial void LogQueued(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue held texts left unqueued by a restart; they stay held until the next start")]
    private partial void LogFailed(Exception exception);
}
