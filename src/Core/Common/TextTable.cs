using System.Globalization;

namespace Engagement.Core.Common;

/// <summary>
/// A family's words (a page family's, the emails') in English and French, one table per family so both languages stay
/// complete; a missing name is a programming error and throws.
/// </summary>
public sealed class TextTable(string family, IReadOnlyDictionary<string, (string En, string Fr)> texts)
{
    /// <summary>The text in the language ("fr", else English).</summary>
    public string Get(string name, string language) =>
        texts.TryGetValue(name, out var t) ? (language == "fr" ? t.Fr : t.En) : throw new ArgumentException($"No {family} text '{name}'.", nameof(name));

    /// <summary>The text with its placeholders filled.</summary>
    public string Format(string name, string language, params object?[] values) =>
        string.Format(CultureInfo.InvariantCulture, Get(name, language), values);

    /// <summary>Every text's name and both languages, so a test can check each is complete.</summary>
    public IEnumerable<(string Name, string En, string Fr)> All => texts.Select(t => (t.Key, t.Value.En, t.Value.Fr));
}
