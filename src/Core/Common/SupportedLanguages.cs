namespace Engagement.Core.Common;

/// <summary>The languages the platform offers, from configuration; the first is the default.</summary>
public sealed class SupportedLanguages : IEnumerable<string>
{
    private readonly string[] _codes;

    public SupportedLanguages(IEnumerable<string> codes)
    {
        _codes = codes.Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().ToArray();
        if (_codes.Length == 0)
            throw new ArgumentException("At least one language must be offered.", nameof(codes));
    }

    /// <summary>English and French, the languages the platform ships with.</summary>
    public static SupportedLanguages Default { get; } = new(["en", "fr"]);

    public string DefaultLanguage => _codes[0];

    public bool Contains(string code) => Array.IndexOf(_codes, code) >= 0;

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_codes).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", _codes);
}
