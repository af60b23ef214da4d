using Engagement.Core.Insights;

namespace Engagement.Insights.Themes;

/// <summary>The core's <see cref="IThemeDiscovery"/> over <see cref="ThemeDiscovery"/>: texts keyed by kind and record, quotes traced back to them.</summary>
internal sealed class ThemeDiscoveryAdapter : IThemeDiscovery
{
    public (IReadOnlyList<ThemeSummary> Themes, IReadOnlyDictionary<string, string> ThemeOfText) Discover(IReadOnlyList<PublicText> texts, ThemeSnapshot? previous)
    {
        var byKey = texts.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var before = previous is null
            ? null
            : new ThemeSet(
                [.. previous.Themes.Select(t => new Theme(t.Id, t.Language, t.TopTerms, t.Count, [.. t.Quotes.Select(q => new Themes.ThemeQuote($"{q.Kind}:{q.TargetId}", q.Text))]))],
                previous.ThemeOfText);
        var set = ThemeDiscovery.Discover([.. byKey.Values.Select(t => new ThemeInput(t.Key, t.Text, t.Language))], before);
        var themes = set.Themes.Select(t => new ThemeSummary(t.Id, t.Language, t.TopTerms, t.Count,
            [.. t.Quotes.Where(q => byKey.ContainsKey(q.TextId)).Select(q => new Core.Insights.ThemeQuote(byKey[q.TextId].Kind, byKey[q.TextId].TargetId, q.Text))])).ToList();
        return (themes, set.ThemeOfText);
    }
}
