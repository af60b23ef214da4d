namespace Engagement.Insights.Themes;

/// <summary>One text to sort into a theme: its id, its words verbatim, and its language ("en" or "fr"; anything else is detected).</summary>
internal sealed record ThemeInput(string TextId, string Text, string Language);

/// <summary>A topic of an organisation's texts in one language, named by its most distinctive terms in that language.</summary>
internal sealed record Theme(string Id, string Language, IReadOnlyList<string> TopTerms, int Count, IReadOnlyList<ThemeQuote> Quotes)
{
    /// <summary>The first three top terms, the way the theme is shown to people ("snow removal · plow · sidewalk").</summary>
    public string Name => string.Join(" · ", TopTerms.Take(3));
}

/// <summary>A text quoted word for word as an example of its theme.</summary>
internal sealed record ThemeQuote(string TextId, string Text);

/// <summary>The themes of a set of texts and, for every text, the id of the one theme it belongs to.</summary>
internal sealed record ThemeSet(IReadOnlyList<Theme> Themes, IReadOnlyDictionary<string, string> ThemeOfText);
