namespace Engagement.Api.Composition;

/// <summary>
/// How a background sender (email, webhooks) stays off the write path: after a busy round it rests long enough to have
/// worked at most Notifications:MaxBusyPercent of its time, so a burst of writes keeps the store and the CPU while the
/// sending trails behind by seconds.
/// </summary>
internal static class Pace
{
    public static TimeSpan RestAfter(TimeSpan took, int maxBusyPercent) =>
        maxBusyPercent >= 100 ? TimeSpan.Zero : took * (100.0 / maxBusyPercent - 1);
}
