namespace Engagement.Core.Common;

/// <summary>How long kept records live once their purpose is served (the follow-up addresses' own period is <see cref="FollowUps.FollowUpOptions"/>).</summary>
public sealed record RetentionOptions
{
    /// <summary>Sign-in links, used or not, counted from when they were asked for; kept a while so a reused link is still told apart.</summary>
    public TimeSpan SignInLinks { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Webhook deliveries that were delivered or given up on, counted from when they were made.</summary>
    public TimeSpan WebhookDeliveries { get; init; } = TimeSpan.FromDays(90);
}

/// <summary>Deleting in batches, so a store's single writer is never held long by a retention job.</summary>
public static class BatchDeletes
{
    public const int BatchSize = 1_000;

    /// <summary>Runs <paramref name="deleteBatch"/> (which deletes at most <see cref="BatchSize"/>) until a batch comes back short; returns the total.</summary>
    public static async Task<int> UntilDoneAsync(Func<int, Task<int>> deleteBatch)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteBatch(BatchSize);
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }
}
