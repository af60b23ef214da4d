using Engagement.Core.Screening;

namespace Engagement.Core.Insights;

/// <summary>
/// A public text as insights read it: where it lives (its record, and the tally scope of its service, consultation or
/// survey), its words, language and sentiment, and when it was written.
/// </summary>
public sealed record PublicText(TextKind Kind, string TargetId, string OrganisationId, string Scope, string Language, string Text, SentimentLabel Label, DateTimeOffset At)
{
    /// <summary>The text's key in a theme snapshot's assignments: kind and record, as "Comment:abc".</summary>
    public string Key => $"{Kind}:{TargetId}";
}

/// <summary>How many texts of one service, consultation or survey a theme holds.</summary>
public sealed record ThemeCount(string ThemeId, string Name, string Language, int Count);

/// <summary>A text quoted word for word as an example of its theme.</summary>
public sealed record ThemeQuote(TextKind Kind, string TargetId, string Text);

/// <summary>A topic of an organisation's texts in one language, named by its most distinctive terms in that language.</summary>
public sealed record ThemeSummary(string Id, string Language, IReadOnlyList<string> TopTerms, int Count, IReadOnlyList<ThemeQuote> Quotes)
{
    /// <summary>The share of the theme's texts read as negative (0 to 1); null when none has a label.</summary>
    public double? NegativeShare { get; init; }

    /// <summary>How many of the theme's texts each service, consultation or survey holds, by tally scope ("service:abc").</summary>
    public IReadOnlyDictionary<string, int> CountsByScope { get; init; } = new Dictionary<string, int>();

    /// <summary>The theme's count in one scope, as insights of a service, consultation or survey show it.</summary>
    public ThemeCount In(string scope) => new(Id, Name, Language, CountsByScope.GetValueOrDefault(scope));

    /// <summary>How people see the theme: its first three terms ("snow removal · plow · sidewalk").</summary>
    public string Name => string.Join(" · ", TopTerms.Take(3));
}

/// <summary>
/// An organisation's themes as last discovered: each theme with its count (the counts add up to <see cref="TextsRead"/>),
/// every text's one theme by <see cref="PublicText.Key"/>, and the texts' watermark the discovery read up to.
/// </summary>
public sealed record ThemeSnapshot
{
    public required string OrganisationId { get; init; }
    public required DateTimeOffset RefreshedAt { get; init; }

    /// <summary>The organisation's texts' change mark when discovery read them; a refresh is skipped while it is unchanged.</summary>
    public required long Watermark { get; init; }

    public required int TextsRead { get; init; }
    public required IReadOnlyList<ThemeSummary> Themes { get; init; }
    public required IReadOnlyDictionary<string, string> ThemeOfText { get; init; }

    /// <summary>The themes present in one scope, largest there first; empty before the first snapshot.</summary>
    public static IReadOnlyList<ThemeCount> CountsIn(ThemeSnapshot? snapshot, string scope) =>
        snapshot is null ? [] : [.. snapshot.Themes.Select(t => t.In(scope)).Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.ThemeId, StringComparer.Ordinal)];
}

/// <summary>Learns themes from texts; the model lives outside the core (Insights).</summary>
public interface IThemeDiscovery
{
    /// <summary>Themes of the texts, keeping the ids of <paramref name="previous"/> themes whose content is the same.</summary>
    (IReadOnlyList<ThemeSummary> Themes, IReadOnlyDictionary<string, string> ThemeOfText) Discover(IReadOnlyList<PublicText> texts, ThemeSnapshot? previous);
}

/// <summary>
/// The texts insights read, per organisation (every text the tagger has tagged, with its latest tag and words), and the
/// organisation's last theme snapshot.
/// </summary>
public interface IThemeStore
{
    /// <summary>The organisation's most recently written texts, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<PublicText>> ListRecentTextsAsync(string organisationId, int max, CancellationToken ct = default);

    /// <summary>A number that grows whenever one of the organisation's texts is added or tagged again; 0 with none.</summary>
    Task<long> WatermarkAsync(string organisationId, CancellationToken ct = default);

    /// <summary>The texts with these keys (<see cref="PublicText.Key"/>) of the organisation that insights have read; others are left out.</summary>
    Task<IReadOnlyList<PublicText>> GetTextsAsync(string organisationId, IReadOnlyCollection<string> keys, CancellationToken ct = default);

    /// <summary>Replaces the organisation's snapshot.</summary>
    Task SaveAsync(ThemeSnapshot snapshot, CancellationToken ct = default);

    /// <summary>The organisation's last snapshot; null before the first.</summary>
    Task<ThemeSnapshot?> GetAsync(string organisationId, CancellationToken ct = default);
}
