using System.Globalization;

namespace Engagement.Moderation.Screening;

/// <summary>
/// When each participant last submitted texts, to spot one posting faster than a person can: a second text within
/// <see cref="MinGap"/> of the previous one, a text arriving sooner after the previous one than typing it takes at
/// <see cref="TypingCharactersPerSecond"/> (faster than nearly anyone types), or more than <see cref="BurstTexts"/>
/// texts within <see cref="BurstWindow"/>. Per process: with several nodes, each node judges the texts it screened.
/// Bounded: at most <see cref="MaxParticipants"/> participants (about 100 bytes each); participants quiet for longer
/// than any rule looks back are forgotten first. Thread-safe behind one lock.
/// </summary>
internal sealed class SpamPace(int maxParticipants = 50_000)
{
    /// <summary>Two texts closer together than this are not typed by a person.</summary>
    internal static readonly TimeSpan MinGap = TimeSpan.FromSeconds(5);

    /// <summary>About 180 words a minute: faster than nearly anyone types.</summary>
    internal const int TypingCharactersPerSecond = 15;

    /// <summary>The typing rule asks for at most this long between texts, however long the text.</summary>
    internal static readonly TimeSpan MaxTypingTime = TimeSpan.FromMinutes(10);

    /// <summary>More texts than this within <see cref="BurstWindow"/> is too fast, however short each one.</summary>
    internal const int BurstTexts = 5;

    internal static readonly TimeSpan BurstWindow = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Horizon = MaxTypingTime > BurstWindow ? MaxTypingTime : BurstWindow;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Organisation, string Participant), History> _participants = [];

    public int MaxParticipants { get; } = maxParticipants;

    /// <summary>How many participants are remembered (for tests of the bound).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _participants.Count;
        }
    }

    /// <summary>Whether the participant's recent texts are remembered (for tests of the bound).</summary>
    public bool Remembers(string organisationId, string participantId)
    {
        lock (_gate)
            return _participants.ContainsKey((organisationId, participantId));
    }

    /// <summary>Records a text of <paramref name="length"/> characters and says why it came too fast, or null when it did not.</summary>
    public string? Record(string organisationId, string participantId, DateTimeOffset now, int length)
    {
        lock (_gate)
        {
            var key = (organisationId, participantId);
            if (!_participants.TryGetValue(key, out var history))
            {
                if (_participants.Count >= MaxParticipants)
                    Forget(now);
                _participants.Add(key, history = new History());
            }
            var previous = history.Last;
            history.Add(now);

            if (previous is not { } last)
                return null;
            var elapsed = now - last;
            if (elapsed < TimeSpan.Zero)
                elapsed = TimeSpan.Zero;
            if (elapsed < MinGap)
                return $"a second text {Seconds(elapsed)} after the previous one";
            var typing = TimeSpan.FromSeconds(Math.Min((double)length / TypingCharactersPerSecond, MaxTypingTime.TotalSeconds));
            if (elapsed < typing)
                return $"{length} characters {Seconds(elapsed)} after the previous text; typing them takes at least {Seconds(typing)}";
            if (history.CountSince(now - BurstWindow) > BurstTexts)
                return $"more than {BurstTexts} texts within {Seconds(BurstWindow)}";
            return null;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        var quiet = now - Horizon;
        foreach (var (key, history) in _participants)
        {
            if (history.Last is not { } last || last < quiet)
                _participants.Remove(key);
        }
        if (_participants.Count < MaxParticipants)
            return;
        // Still full of active participants: forget the half least recently seen.
        foreach (var key in _participants.OrderBy(p => p.Value.Last).Take(_participants.Count / 2).Select(p => p.Key).ToList())
            _participants.Remove(key);
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");

    /// <summary>The times of a participant's last few texts, newest last.</summary>
    private sealed class History
    {
        private readonly DateTimeOffset[] _times = new DateTimeOffset[BurstTexts + 1];
        private int _count;
        private int _next;

        public DateTimeOffset? Last => _count == 0 ? null : _times[(_next + _times.Length - 1) % _times.Length];

        public void Add(DateTimeOffset time)
        {
            _times[_next] = time;
            _next = (_next + 1) % _times.Length;
            _count = Math.Min(_count + 1, _times.Length);
        }

        public int CountSince(DateTimeOffset since)
        {
            var count = 0;
            for (var k = 0; k < _count; k++)
            {
                if (_times[k] >= since)
                    count++;
            }
            return count;
        }
    }
}
