using System.Collections.Concurrent;
using Engagement.Core.Moderation;
using Engagement.Core.Screening;

namespace Engagement.Moderation.Screening;

/// <summary>
/// Term lists from the store, each organisation's kept for <see cref="Lifetime"/>: every text is screened against
/// them, and they change rarely. A list an admin changes is used from the next read after that on this node, and
/// within the lifetime on others.
/// </summary>
internal sealed class StoredTerms(ITermListStore store, TimeProvider clock) : ITermSource
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (ScreeningTerms Terms, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<ScreeningTerms> ForAsync(string organisationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(organisationId, out var cached) && cached.Until > now)
            return cached.Terms;
        var terms = TermList.ForScreening(await store.ListAsync(organisationId, ct));
        _cache[organisationId] = (terms, now + Lifetime);
        return terms;
    }

    /// <summary>Forgets an organisation's lists, so a change made on this node applies to the next text.</summary>
    public void Forget(string organisationId) => _cache.TryRemove(organisationId, out _);
}
