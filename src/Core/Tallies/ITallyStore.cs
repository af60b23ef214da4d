namespace Engagement.Core.Tallies;

/// <summary>
/// Reads pre-aggregated tallies. Tallies are written only by the stores whose records they count, in the
/// same commit as those records; this port never writes.
/// </summary>
public interface ITallyStore
{
    /// <summary>The tally of a scope; an empty tally (not null) when nothing was counted yet. Buckets at zero may be omitted.</summary>
    Task<Tally> GetAsync(string scope, CancellationToken ct = default);

    /// <summary>The tallies of several scopes in one call: one entry per distinct scope asked for, empty ones included.</summary>
    Task<IReadOnlyDictionary<string, Tally>> GetManyAsync(IReadOnlyCollection<string> scopes, CancellationToken ct = default);

    /// <summary>
    /// Of the scopes that start with <paramref name="scopePrefix"/>, the <paramref name="max"/> whose buckets add up to the
    /// most (ties by scope, ordinal), largest first, each with its whole tally. Scopes whose every bucket is zero are left out.
    /// </summary>
    Task<IReadOnlyList<Tally>> ListLargestAsync(string scopePrefix, int max, CancellationToken ct = default);
}
