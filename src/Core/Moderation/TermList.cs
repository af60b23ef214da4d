using Engagement.Core.Screening;

namespace Engagement.Core.Moderation;

/// <summary>What a term list does to a text that holds one of its terms.</summary>
public enum TermListKind
{
    /// <summary>The text is refused.</summary>
    Blocked,

    /// <summary>The text waits for a moderator.</summary>
    Suspect,
}

/// <summary>
/// One of an organisation's word lists: blocked or suspect terms in one language, as an admin wrote them (matching
/// folds case, accents, look-alike letters and obfuscations, so entries need no variants).
/// </summary>
public sealed record TermList
{
    public const int MaxTerms = 2_000;
    public const int MaxTermLength = 100;

    public required string OrganisationId { get; init; }
    public required TermListKind Kind { get; init; }
    public required string Language { get; init; }
    public required IReadOnlyList<string> Terms { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last changed the list, as the audit log names them.</summary>
    public required string UpdatedBy { get; init; }

    /// <summary>An organisation's lists as screening reads them: every language's terms together, per kind.</summary>
    public static ScreeningTerms ForScreening(IEnumerable<TermList> lists)
    {
        var all = lists.ToList();
        return new ScreeningTerms(
            all.Where(l => l.Kind == TermListKind.Blocked).SelectMany(l => l.Terms).Distinct(StringComparer.Ordinal).ToArray(),
            all.Where(l => l.Kind == TermListKind.Suspect).SelectMany(l => l.Terms).Distinct(StringComparer.Ordinal).ToArray());
    }
}

/// <summary>Stores organisations' term lists. Every adapter honours the rules stated on each method.</summary>
public interface ITermListStore
{
    /// <summary>Replaces (or creates) the list of this organisation, kind and language, durably.</summary>
    Task SaveAsync(TermList list, CancellationToken ct = default);

    /// <summary>Every list of the organisation, ordered by kind then language; empty when it has none.</summary>
    Task<IReadOnlyList<TermList>> ListAsync(string organisationId, CancellationToken ct = default);
}
