using System.Collections;

namespace Engagement.Core.Common;

/// <summary>A text given in one or more languages, keyed by language code ("en", "fr").</summary>
public sealed class LocalizedText : IReadOnlyDictionary<string, string>, IEquatable<LocalizedText>
{
    private readonly SortedDictionary<string, string> _texts;

    public LocalizedText(IEnumerable<KeyValuePair<string, string>> texts)
    {
        _texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in texts)
            _texts[language] = text;
    }

    public static LocalizedText Empty { get; } = new([]);

    /// <summary>Shorthand for the two shipped languages, used by seeds and tests.</summary>
    public static LocalizedText EnFr(string en, string fr) => new([new("en", en), new("fr", fr)]);

    public bool Has(string language) => _texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text);

    /// <summary>The text in the language asked for, else in the fallback language, else any.</summary>
    public string? In(string language, string fallback = "en") =>
        _texts.TryGetValue(language, out var text) ? text
        : _texts.TryGetValue(fallback, out var fb) ? fb
        : _texts.Values.FirstOrDefault();

    public string this[string key] => _texts[key];

    public IEnumerable<string> Keys => _texts.Keys;

    public IEnumerable<string> Values => _texts.Values;

    public int Count => _texts.Count;

    public bool ContainsKey(string key) => _texts.ContainsKey(key);

    public bool TryGetValue(string key, out string value) => _texts.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _texts.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(LocalizedText? other) =>
        other is not null && _texts.Count == other._texts.Count && _texts.All(p => other._texts.TryGetValue(p.Key, out var v) && v == p.Value);

    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (k, v) in _texts)
        {
            hash.Add(k);
            hash.Add(v);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(" | ", _texts.Select(p => $"{p.Key}: {p.Value}"));
}
