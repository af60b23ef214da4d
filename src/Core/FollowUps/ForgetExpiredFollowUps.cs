using Engagement.Core.Common;

namespace Engagement.Core.FollowUps;

/// <summary>Deletes the follow-up addresses whose retention has passed, in batches so the store's writer is never held long.</summary>
public sealed class ForgetExpiredFollowUps(IFollowUpStore store, TimeProvider clock) : IUseCase
{
    public const int BatchSize = 1_000;

    /// <summary>Returns how many were deleted.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct = default)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await store.DeleteExpiredAsync(clock.GetUtcNow(), BatchSize, ct);
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }
}
