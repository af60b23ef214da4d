using Microsoft.Extensions.Hosting;

namespace Engagement.Insights.Background;

/// <summary>
/// Lets background work wait for the host to have started: hosted services start in registration order, and the store
/// is made ready by one registered after insights, so reading it any sooner can find no tables.
/// </summary>
internal static class HostStart
{
    public static async Task WaitAsync(IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (ct.Register(() => started.TrySetCanceled(ct)))
            await started.Task;
    }
}
