using System.Threading.RateLimiting;
using Engagement.Api.Composition;
using Engagement.Api.Settings;

namespace Engagement.Api.Widgets;

/// <summary>
/// The widget's limits, checked before a request's body is read so a refused request costs little: ratings per client
/// address, ratings per key, and page views (configurations, hosted pages) per client address.
/// </summary>
public sealed class WidgetRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _ratingsPerClient;
    private readonly PartitionedRateLimiter<string> _ratingsPerKey;
    private readonly PartitionedRateLimiter<string> _pagesPerClient;

    public WidgetRateLimits(EngagementSettings settings)
    {
        _ratingsPerClient = PerMinute(settings.Widget.RatingsPerClientPerMinute);
        _ratingsPerKey = PerMinute(settings.Widget.RatingsPerKeyPerMinute);
        _pagesPerClient = PerMinute(settings.Widget.PagesPerClientPerMinute);
    }

    /// <summary>Takes one rating from the client's and the key's allowance; on refusal, how long to wait.</summary>
    public bool TryRating(string client, string key, out TimeSpan retryAfter) =>
        TryTake(_ratingsPerClient, client, out retryAfter) && TryTake(_ratingsPerKey, key, out retryAfter);

    /// <summary>Takes one page view from the client's allowance.</summary>
    public bool TryPage(string client, out TimeSpan retryAfter) => TryTake(_pagesPerClient, client, out retryAfter);

    public void Dispose()
    {
        _ratingsPerClient.Dispose();
        _ratingsPerKey.Dispose();
        _pagesPerClient.Dispose();
    }

    private static PartitionedRateLimiter<string> PerMinute(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => RateLimits.PerMinute(perMinute)));

    private static bool TryTake(PartitionedRateLimiter<string> limiter, string partition, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(partition);
        retryAfter = TimeSpan.Zero;
        if (lease.IsAcquired)
            return true;
        // The bucket refills every 10 s; without a figure from the limiter, that is the honest wait.
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(10);
        return false;
    }
}
