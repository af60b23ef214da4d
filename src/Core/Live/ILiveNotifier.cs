namespace Engagement.Core.Live;

/// <summary>
/// Told that what a topic shows has changed. Use cases call it only after their write is durable, so whoever
/// reacts may read the store and find the change. Implementations must return at once and never throw: a
/// citizen's acknowledged write must not fail or wait because live viewers are slow.
/// </summary>
public interface ILiveNotifier
{
    void Changed(LiveTopic topic);
}

/// <summary>A notifier that tells no one, for hosts and tools with no live viewers (benchmarks, imports).</summary>
public sealed class NoLiveNotifier : ILiveNotifier
{
    public static NoLiveNotifier Instance { get; } = new();

    public void Changed(LiveTopic topic)
    {
    }
}
