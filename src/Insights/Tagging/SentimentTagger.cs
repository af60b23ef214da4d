using System.Diagnostics;
using Engagement.Core.Insights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engagement.Insights.Tagging;

/// <summary>
/// Reads the sentiment of every text made public, after its commit and off the request path: batches from the store's
/// feed, scored together, saved with their texts and the checkpoint in one commit. A restart resumes at the checkpoint.
/// </summary>
internal sealed partial class SentimentTagger(IServiceScopeFactory scopes, InsightsOptions options, ILogger<SentimentTagger> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.TaggingEnabled)
            return;
        // Off the host's start-up path (a BackgroundService runs synchronously until its first await).
        await Task.Yield();
        var backoff = TimeSpan.FromSeconds(1);
        long? checkpoint = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                checkpoint ??= await scope.ServiceProvider.GetRequiredService<ISentimentFeed>().GetCheckpointAsync(stoppingToken);
                var started = Stopwatch.GetTimestamp();
                var (tagged, next) = await scope.ServiceProvider.GetRequiredService<TagSentiment>().ExecuteAsync(checkpoint.Value, options.TaggingBatchSize, stoppingToken);
                var took = Stopwatch.GetElapsedTime(started);
                var advanced = next != checkpoint;
                checkpoint = next;
                backoff = TimeSpan.FromSeconds(1);
                if (tagged > 0)
                    LogTagged(tagged, next);
                if (!advanced)
                    await Task.Delay(options.TaggingPollInterval, stoppingToken);
                else if (tagged >= options.TaggingBatchSize && options.TaggingMaxCpuShare < 1)
                    await Task.Delay(took * (1 / options.TaggingMaxCpuShare - 1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store may be starting, locked or full: nothing is lost, since the feed keeps every text until the
                // checkpoint moves past it. Read the checkpoint again after the pause.
                LogFailed(e, backoff.TotalSeconds);
                checkpoint = null;
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tagged the sentiment of {Count} texts (feed checkpoint {Checkpoint})")]
    private partial void LogTagged(int count, long checkpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentiment tagging failed; trying again in {Seconds} s")]
    private partial void LogFailed(Exception exception, double seconds);
}
