using Engagement.Core.Common;

namespace Engagement.Core.Participants;

/// <summary>Deletes sign-in links (and the addresses they name) asked for longer ago than the retention says.</summary>
public sealed class ForgetOldEmailChallenges(IEmailChallengeStore store, RetentionOptions retention, TimeProvider clock) : IUseCase
{
    /// <summary>Returns how many were deleted.</summary>
    public Task<int> ExecuteAsync(CancellationToken ct = default) =>
        BatchDeletes.UntilDoneAsync(max => store.DeleteCreatedBeforeAsync(clock.GetUtcNow() - retention.SignInLinks, max, ct));
}
