using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Engagement.Moderation.Screening;

/// <summary>
/// The recent texts of each organisation, to spot a text that nearly repeats one already submitted by anyone. Each text
/// is remembered by its words (distinct folded words, so order, punctuation, case and accents do not matter): a MinHash
/// signature (64 × 16 bits) that finds candidates quickly, and a bottom-k sketch (the <see cref="SketchSize"/> smallest
/// word hashes) that gives the Jaccard similarity of candidates exactly for texts of up to that many distinct words and
/// closely for longer ones, so the threshold is not blurred by the signature's estimate.
/// Per process: with several nodes, each node compares against the texts it screened itself.
/// Bounded: per organisation the last <see cref="MaxTextsPerOrganisation"/> texts younger than <see cref="Window"/> and
/// at most <see cref="MaxSketchWordsPerOrganisation"/> sketched words; the <see cref="MaxOrganisations"/> organisations
/// most recently seen. About 300 B per typical comment; at most about 128 × (2,000 × 150 B + 400 KB) ≈ 90 MB.
/// Thread-safe behind one lock; a comparison against a full window takes a few microseconds.
/// </summary>
internal sealed class SpamRecentTexts(
    int maxTextsPerOrganisation = 2_000, int maxOrganisations = 128, TimeSpan? window = null, int maxSketchWordsPerOrganisation = 100_000)
{
    /// <summary>Hash functions per signature; the signature's estimate moves in steps of 1/64.</summary>
    internal const int SignatureLength = 64;

    /// <summary>Word hashes kept per text: texts of up to this many distinct words are compared exactly.</summary>
    internal const int SketchSize = 128;

    /// <summary>How far below the threshold a signature estimate still makes a candidate: a true similarity at the threshold is never missed.</summary>
    private const double CandidateMargin = 0.15;

    // The 64 hash functions a·x + b (mod 2^32), sixteen vectors of four: each a bijection of 32-bit values, so two texts
    // share a minimum only through a shared word.
    private static readonly (Vector128<uint>[] A, Vector128<uint>[] B) Permutations = MakePermutations();

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Texts> _organisations = new(StringComparer.Ordinal);
    private long _uses;

    public int MaxTextsPerOrganisation { get; } = Math.Max(1, maxTextsPerOrganisation);

    public int MaxOrganisations { get; } = Math.Max(1, maxOrganisations);

    public int MaxSketchWordsPerOrganisation { get; } = Math.Max(SketchSize, maxSketchWordsPerOrganisation);

    public TimeSpan Window { get; } = window ?? TimeSpan.FromHours(24);

    /// <summary>What a text is remembered by: its MinHash signature, its bottom-k sketch (sorted) and its number of distinct words.</summary>
    internal sealed record Fingerprint(ushort[] Signature, uint[] Sketch, int DistinctWords);

    /// <summary>A similar text found in the window: the Jaccard similarity of the two word sets, and when it came.</summary>
    internal readonly record struct Similar(double Similarity, DateTimeOffset At);

    /// <summary>The fingerprint of a text's words, or null when it has fewer than <paramref name="minWords"/> words.</summary>
    public static Fingerprint? Sign(FoldedText text, int minWords)
    {
        var words = text.Words;
        if (words.Count < minWords || words.Count == 0)
            return null;

        var hashes = ArrayPool<ulong>.Shared.Rent(words.Count);
        try
        {
            for (var w = 0; w < words.Count; w++)
                hashes[w] = Hash(text.Text.AsSpan(words[w].Start, words[w].Length));
            var distinct = hashes.AsSpan(0, words.Count);
            distinct.Sort();
            var count = 0;
            for (var i = 0; i < distinct.Length; i++)
            {
                if (i == 0 || distinct[i] != distinct[i - 1])
                    distinct[count++] = distinct[i];
            }
            distinct = distinct[..count];

            var lanes = Vector128<uint>.Count;
            Span<Vector128<uint>> minimum = stackalloc Vector128<uint>[SignatureLength / 4];
            minimum.Fill(Vector128<uint>.AllBitsSet);
            var (a, b) = Permutations;
            foreach (var h in distinct)
            {
                var x = Vector128.Create((uint)h);
                for (var v = 0; v < minimum.Length; v++)
                    minimum[v] = Vector128.Min(minimum[v], (a[v] * x) + b[v]);
            }
            // Each minimum identifies the word that reached it; its low 16 bits depend on the word's low 16 bits only.
            var signature = new ushort[SignatureLength];
            for (var v = 0; v < minimum.Length; v++)
            {
                for (var lane = 0; lane < lanes; lane++)
                    signature[(v * lanes) + lane] = (ushort)minimum[v].GetElement(lane);
            }

            // The smallest word hashes, already in order; 32 bits each.
            var sketch = new List<uint>(Math.Min(count, SketchSize));
            for (var i = 0; i < distinct.Length && sketch.Count < SketchSize; i++)
            {
                var top = (uint)(distinct[i] >> 32);
                if (sketch.Count == 0 || sketch[^1] != top)
                    sketch.Add(top);
            }
            return new Fingerprint(signature, [.. sketch], count);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
        }
    }

    /// <summary>
    /// The Jaccard similarity of two texts' word sets from their sketches: exact when the two texts together have at most
    /// <see cref="SketchSize"/> distinct words, otherwise the bottom-k estimate (the share of the union's smallest hashes
    /// found in both).
    /// </summary>
    internal static double Jaccard(uint[] a, uint[] b)
    {
        int i = 0, j = 0, union = 0, both = 0;
        while (union < SketchSize && (i < a.Length || j < b.Length))
        {
            if (j >= b.Length || (i < a.Length && a[i] < b[j]))
            {
                i++;
            }
            else if (i >= a.Length || b[j] < a[i])
            {
                j++;
            }
            else
            {
                i++;
                j++;
                both++;
            }
            union++;
        }
        return union == 0 ? 0 : (double)both / union;
    }

    /// <summary>
    /// The most similar text of the organisation within the window that could be <paramref name="threshold"/> similar
    /// or more, if any, then remembers this one.
    /// </summary>
    public Similar? FindAndAdd(string organisationId, Fingerprint fingerprint, DateTimeOffset now, double threshold)
    {
        lock (_gate)
        {
            if (!_organisations.TryGetValue(organisationId, out var texts))
            {
                if (_organisations.Count >= MaxOrganisations)
                    ForgetLeastRecentlyUsed();
                _organisations.Add(organisationId, texts = new Texts(MaxTextsPerOrganisation, MaxSketchWordsPerOrganisation));
            }
            texts.LastUse = ++_uses;
            texts.Evict(now.UtcTicks - Window.Ticks);
            var similar = texts.MostSimilar(fingerprint, threshold);
            texts.Add(fingerprint, now.UtcTicks);
            return similar;
        }
    }

    /// <summary>How many texts are remembered for the organisation (for tests of the bounds).</summary>
    public int Count(string organisationId)
    {
        lock (_gate)
            return _organisations.TryGetValue(organisationId, out var texts) ? texts.Count : 0;
    }

    /// <summary>How many organisations are remembered.</summary>
    public int Organisations
    {
        get
        {
            lock (_gate)
                return _organisations.Count;
        }
    }

    private void ForgetLeastRecentlyUsed()
    {
        string? oldest = null;
        var oldestUse = long.MaxValue;
        foreach (var (id, texts) in _organisations)
        {
            if (texts.LastUse < oldestUse)
                (oldest, oldestUse) = (id, texts.LastUse);
        }
        if (oldest is not null)
            _organisations.Remove(oldest);
    }

    private static ulong Hash(ReadOnlySpan<char> word)
    {
        var h = 14695981039346656037UL; // FNV-1a, then a finaliser so every bit depends on every character
        foreach (var c in word)
            h = (h ^ c) * 1099511628211UL;
        return Mix(h);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // Fixed seeds: the same text has the same signature on every node and in every test run.
    private static (Vector128<uint>[] A, Vector128<uint>[] B) MakePermutations()
    {
        var state = 0x5EED_2024_0000_0006UL;
        uint Next()
        {
            state += 0x9E3779B97F4A7C15UL;
            return (uint)(Mix(state) >> 32);
        }
        var a = new Vector128<uint>[SignatureLength / 4];
        var b = new Vector128<uint>[SignatureLength / 4];
        for (var v = 0; v < a.Length; v++)
        {
            // Odd multipliers: multiplication by an odd number is a bijection of 32-bit values.
            a[v] = Vector128.Create(Next() | 1, Next() | 1, Next() | 1, Next() | 1);
            b[v] = Vector128.Create(Next(), Next(), Next(), Next());
        }
        return (a, b);
    }

    /// <summary>One organisation's texts: a ring of signatures, sketches, times and word counts, oldest first, grown as needed.</summary>
    private sealed class Texts(int max, int maxSketchWords)
    {
        private ushort[] _signatures = new ushort[Math.Min(16, max) * SignatureLength];
        private uint[][] _sketches = new uint[Math.Min(16, max)][];
        private long[] _ticks = new long[Math.Min(16, max)];
        private int[] _sizes = new int[Math.Min(16, max)];
        private int _head;
        private int _sketchWords;

        public int Count { get; private set; }

        public long LastUse { get; set; }

        private int Capacity => _ticks.Length;

        public void Evict(long before)
        {
            while (Count > 0 && _ticks[_head] < before)
                RemoveOldest();
        }

        public Similar? MostSimilar(Fingerprint fingerprint, double threshold)
        {
            // Jaccard similarity cannot reach the threshold when one set is smaller than the threshold times the other's size.
            var size = fingerprint.DistinctWords;
            var smallest = (int)Math.Ceiling((threshold * size) - 1e-9);
            var largest = (int)Math.Floor((size / threshold) + 1e-9);
            var candidateEqual = (int)Math.Ceiling((threshold - CandidateMargin) * SignatureLength);
            var best = -1.0;
            var bestAt = 0L;
            // The ring as its two contiguous parts, oldest first.
            var firstPart = Math.Min(Count, Capacity - _head);
            Scan(_head, _head + firstPart);
            Scan(0, Count - firstPart);
            return best < 0 ? null : new Similar(best, new DateTimeOffset(bestAt, TimeSpan.Zero));

            void Scan(int from, int to)
            {
                var sizes = _sizes;
                for (var at = from; at < to; at++)
                {
                    var other = sizes[at];
                    if (other < smallest || other > largest)
                        continue;
                    if (CountEqual(fingerprint.Signature, _signatures.AsSpan(at * SignatureLength, SignatureLength)) < candidateEqual)
                        continue;
                    var similarity = Jaccard(fingerprint.Sketch, _sketches[at]);
                    if (similarity > best || (similarity == best && _ticks[at] > bestAt))
                        (best, bestAt) = (similarity, _ticks[at]);
                }
            }
        }

        public void Add(Fingerprint fingerprint, long ticks)
        {
            while (Count > 0 && _sketchWords + fingerprint.Sketch.Length > maxSketchWords)
                RemoveOldest();
            if (Count == Capacity && Capacity < max)
                Grow(Math.Min(Capacity * 2, max));
            if (Count == Capacity)
                RemoveOldest(); // full: the oldest makes room
            var at = (_head + Count) % Capacity;
            Count++;
            fingerprint.Signature.CopyTo(_signatures.AsSpan(at * SignatureLength, SignatureLength));
            _sketches[at] = fingerprint.Sketch;
            _sketchWords += fingerprint.Sketch.Length;
            _ticks[at] = ticks;
            _sizes[at] = fingerprint.DistinctWords;
        }

        private void RemoveOldest()
        {
            _sketchWords -= _sketches[_head].Length;
            _sketches[_head] = [];
            _head = (_head + 1) % Capacity;
            Count--;
        }

        private void Grow(int capacity)
        {
            var signatures = new ushort[capacity * SignatureLength];
            var sketches = new uint[capacity][];
            var ticks = new long[capacity];
            var sizes = new int[capacity];
            for (var k = 0; k < Count; k++)
            {
                var from = (_head + k) % Capacity;
                _signatures.AsSpan(from * SignatureLength, SignatureLength).CopyTo(signatures.AsSpan(k * SignatureLength));
                sketches[k] = _sketches[from];
                ticks[k] = _ticks[from];
                sizes[k] = _sizes[from];
            }
            (_signatures, _sketches, _ticks, _sizes, _head) = (signatures, sketches, ticks, sizes, 0);
        }

        private static int CountEqual(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
        {
            ref var x = ref MemoryMarshal.GetReference(a);
            ref var y = ref MemoryMarshal.GetReference(b);
            var equal = 0;
            for (nuint i = 0; i < SignatureLength; i += (nuint)Vector128<ushort>.Count)
            {
                var same = Vector128.Equals(Vector128.LoadUnsafe(ref x, i), Vector128.LoadUnsafe(ref y, i));
                equal += BitOperations.PopCount(same.ExtractMostSignificantBits());
            }
            return equal;
        }
    }
}
