using Engagement.Core.Common;

namespace Engagement.Core.FollowUps;

/// <summary>Deletes the follow-up addresses whose retention has passed.</summary>
public sealed class ForgetExpiredFollowUps(IFollowUpStore store, TimeProvider clock) : IUseCase
{
    /// <summary>Returns how many were deleted.</summary>
    public Task<int> ExecuteAsync(CancellationToken ct = default) =>
        BatchDeletes.UntilDoneAsync(max => store.DeleteExpiredAsync(clock.GetUtcNow(), max, ct));
}
