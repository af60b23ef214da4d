using System.Security.Cryptography;
using System.Text;

namespace Engagement.Insights.Themes;

/// <summary>
/// Gives themes ids that survive refreshes. A theme takes the id of the previous theme of its language that shares at
/// least half of their texts together (Jaccard ≥ 0.5), or else the one with at least three of the same top terms; a
/// new theme's id comes from its language and sorted top terms, so the same texts give the same ids even without a
/// previous set. A language's catch-all always has the same id. No two themes of a set share an id.
/// </summary>
internal static class ThemeIds
{
    private const double SameMembers = 0.5;
    private const int SameTerms = 3;

    /// <summary>The fixed id of a language's catch-all theme.</summary>
    public static string Other(string language) => Hash(language + "\n\0other");

    public static ThemeSet Assign(IReadOnlyList<ThemeDraft> drafts, ThemeSet? previous)
    {
        var ordered = drafts
            .OrderBy(d => d.Language, StringComparer.Ordinal)
            .ThenBy(d => d.IsOther ? 1 : 0)
            .ThenByDescending(d => d.Members.Count)
            .ThenBy(d => d.Members[0].TextId, StringComparer.Ordinal)
            .ToList();
        var ids = new string?[ordered.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
            if (ordered[i].IsOther && used.Add(Other(ordered[i].Language)))
                ids[i] = Other(ordered[i].Language);

        if (previous is not null)
            Reuse(ordered, ids, used, previous);

        for (var i = 0; i < ordered.Count; i++)
        {
            if (ids[i] is not null)
                continue;
            var basis = ordered[i].Language + "\n" + string.Join("\n", ordered[i].TopTerms.Order(StringComparer.Ordinal));
            var id = Hash(basis);
            // Two themes with the same top terms (or a clash with a kept id) are told apart by their first text.
            for (var salt = 1; !used.Add(id); salt++)
                id = Hash(basis + "\n" + ordered[i].Members[0].TextId + "\n" + salt);
            ids[i] = id;
        }

        var themes = ordered.Select((d, i) => new Theme(ids[i]!, d.Language, d.TopTerms, d.Members.Count, d.Quotes)).ToList();
        var themeOfText = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
            foreach (var member in ordered[i].Members)
                themeOfText[member.TextId] = ids[i]!;
        return new ThemeSet(themes, themeOfText);
    }

    private static void Reuse(List<ThemeDraft> drafts, string?[] ids, HashSet<string> used, ThemeSet previous)
    {
        var membersOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (textId, themeId) in previous.ThemeOfText ?? new Dictionary<string, string>())
        {
            if (textId is null || themeId is null)
                continue;
            if (!membersOf.TryGetValue(themeId, out var members))
                membersOf[themeId] = members = new HashSet<string>(StringComparer.Ordinal);
            members.Add(textId);
        }
        var candidates = (previous.Themes ?? [])
            .Where(t => t?.Id is not null && t.Language is not null && t.Id != Other(t.Language) && !used.Contains(t.Id))
            .DistinctBy(t => t.Id)
            .ToList();

        var byMembers = new List<(double Overlap, int Draft, int Previous)>();
        var byTerms = new List<(double Overlap, int Draft, int Previous)>();
        for (var d = 0; d < drafts.Count; d++)
        {
            if (ids[d] is not null)
                continue;
            var members = drafts[d].Members.Select(m => m.TextId).ToHashSet(StringComparer.Ordinal);
            var terms = drafts[d].TopTerms.ToHashSet(StringComparer.Ordinal);
            for (var p = 0; p < candidates.Count; p++)
            {
                if (candidates[p].Language != drafts[d].Language)
                    continue;
                if (membersOf.TryGetValue(candidates[p].Id, out var before))
                {
                    var shared = before.Count(members.Contains);
                    var jaccard = (double)shared / (members.Count + before.Count - shared);
                    if (jaccard >= SameMembers)
                        byMembers.Add((jaccard, d, p));
                }
                var sameTerms = (candidates[p].TopTerms ?? []).Distinct(StringComparer.Ordinal).Count(terms.Contains);
                if (sameTerms >= SameTerms)
                    byTerms.Add((sameTerms, d, p));
            }
        }
        var taken = new HashSet<int>();
        // Shared texts speak first; top terms only match what shared texts left unmatched.
        foreach (var pairs in new[] { byMembers, byTerms })
            foreach (var (_, d, p) in pairs.OrderByDescending(x => x.Overlap).ThenBy(x => x.Draft).ThenBy(x => x.Previous))
                if (ids[d] is null && !taken.Contains(p) && used.Add(candidates[p].Id))
                {
                    ids[d] = candidates[p].Id;
                    taken.Add(p);
                }
    }

    private static string Hash(string basis) =>
        "th_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..12];
}
