using System.Collections.Concurrent;
using System.Diagnostics;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;

namespace Engagement.Api.Widgets;

/// <summary>
/// The summary a widget shows after a rating, read at most once per burst: a caller passes the moment its rating was
/// committed and is given a read that started after that moment (so it holds the caller's rating and every one
/// committed before), sharing a read already under way or just finished rather than starting its own.
/// </summary>
public sealed class FreshSummaries(ITallyStore tallies)
{
    private readonly ConcurrentDictionary<string, Read> _latest = new(StringComparer.Ordinal);

    /// <param name="committedAt">A <see cref="Stopwatch.GetTimestamp"/> taken after the caller's write was acknowledged.</param>
    public async Task<RatingSummary> AfterAsync(string serviceId, long committedAt, CancellationToken ct)
    {
        if (_latest.TryGetValue(serviceId, out var latest) && latest.StartedAt >= committedAt)
        {
            try
            {
                return await latest.Summary.WaitAsync(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // That read failed; make one of our own below.
            }
        }
        var mine = new Read(Stopwatch.GetTimestamp(), ReadAsync(serviceId));
        _latest.AddOrUpdate(serviceId, mine, (_, current) => current.StartedAt > mine.StartedAt ? current : mine);
        return await mine.Summary.WaitAsync(ct);
    }

    // Not tied to one caller's cancellation: other callers may be waiting on the same read.
    private async Task<RatingSummary> ReadAsync(string serviceId) =>
        RatingSummary.From(serviceId, await tallies.GetAsync(TallyScopes.Service(serviceId), CancellationToken.None));

    private sealed record Read(long StartedAt, Task<RatingSummary> Summary);
}
