using Engagement.Core.Common;

namespace Engagement.Core.Insights;

/// <summary>
/// Learns an organisation's themes again from its most recent texts, when they changed since the last snapshot. Returns
/// the snapshot (the stored one when nothing changed), or null when the organisation has no text yet.
/// </summary>
public sealed class RefreshThemes(IThemeStore store, IThemeDiscovery discovery, TimeProvider clock) : IUseCase
{
    /// <summary>The most recent texts read per refresh: enough for stable themes, bounded in time and memory.</summary>
    public const int MaxTexts = 10_000;

    public async Task<ThemeSnapshot?> ExecuteAsync(string organisationId, CancellationToken ct = default)
    {
        var watermark = await store.WatermarkAsync(organisationId, ct);
        var previous = await store.GetAsync(organisationId, ct);
        if (watermark == 0 || previous?.Watermark == watermark)
            return previous;
        var texts = await store.ListRecentTextsAsync(organisationId, MaxTexts, ct);
        var (discovered, themeOfText) = discovery.Discover(texts, previous);
        // Each theme's count per service, consultation and survey, so their insights show the themes heard there.
        var byScope = texts.Where(t => themeOfText.ContainsKey(t.Key)).GroupBy(t => themeOfText[t.Key])
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.GroupBy(t => t.Scope).ToDictionary(s => s.Key, s => s.Count(), StringComparer.Ordinal));
        var negative = texts.Where(t => themeOfText.ContainsKey(t.Key) && t.Label != SentimentLabel.Unknown).GroupBy(t => themeOfText[t.Key])
            .ToDictionary(g => g.Key, g => (double)g.Count(t => t.Label == SentimentLabel.Negative) / g.Count());
        var themes = discovered.Select(t => t with
        {
            CountsByScope = byScope.GetValueOrDefault(t.Id) ?? new Dictionary<string, int>(),
            NegativeShare = negative.TryGetValue(t.Id, out var share) ? share : null,
        }).ToList();
        var snapshot = new ThemeSnapshot
        {
            OrganisationId = organisationId,
            RefreshedAt = clock.GetUtcNow(),
            Watermark = watermark,
            TextsRead = texts.Count,
            Themes = themes,
            ThemeOfText = themeOfText,
        };
        await store.SaveAsync(snapshot, ct);
        return snapshot;
    }
}
