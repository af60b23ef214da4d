using System.Collections.Concurrent;
using Engagement.Core.Moderation;
using Engagement.Core.Screening;

namespace Engagement.Moderation.Screening;

/// <summary>
/// Term lists from the store, each organisation's kept for <see cref="Lifetime"/>: every text is screened against
/// them, and they change rarely. A list an admin changes is used on every node within the lifetime.
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
}
