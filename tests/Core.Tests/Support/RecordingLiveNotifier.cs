using System.Collections.Concurrent;
using Engagement.Core.Live;

namespace Engagement.Core.Tests.Support;

/// <summary>Keeps every topic a use case said changed, in order, so a test can check what was (and was not) raised.</summary>
public sealed class RecordingLiveNotifier : ILiveNotifier
{
    private readonly ConcurrentQueue<LiveTopic> _raised = new();

    public IReadOnlyList<LiveTopic> Raised => [.. _raised];

    public void Changed(LiveTopic topic) => _raised.Enqueue(topic);

    public void Clear() => _raised.Clear();
}
