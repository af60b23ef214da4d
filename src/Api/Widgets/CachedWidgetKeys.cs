using System.Collections.Concurrent;
using Engagement.Core.Widgets;

namespace Engagement.Api.Widgets;

/// <summary>
/// The widget key store with lookups by public key remembered for <see cref="Lifetime"/>: every rating and page view
/// looks its key up, and keys change rarely. A change made through this node forgets the key at once; other nodes
/// see it within the lifetime, so a disabled key stops working everywhere within five seconds. Unknown keys are
/// remembered too (a flood of made-up keys costs no store reads), in a map that is emptied when it grows too large.
/// </summary>
public sealed class CachedWidgetKeys(IWidgetKeyStore inner, TimeProvider clock) : IWidgetKeyStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _byKey = new(StringComparer.Ordinal);

    public async Task<WidgetKey?> GetByKeyAsync(string key, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_byKey.TryGetValue(key, out var entry) && entry.Until > now)
            return entry.Key;
        var found = await inner.GetByKeyAsync(key, ct);
        if (_byKey.Count >= MaxEntries)
            _byKey.Clear();
        _byKey[key] = new Entry(found, now + Lifetime);
        return found;
    }

    public async Task<bool> TryAddAsync(WidgetKey key, CancellationToken ct = default)
    {
        var added = await inner.TryAddAsync(key, ct);
        _byKey.TryRemove(key.Key, out _);
        return added;
    }

    public async Task<bool> UpdateAsync(WidgetKey key, CancellationToken ct = default)
    {
        // A key's public key never changes (the store keeps the stored one), so the record names its own cache entry.
        var updated = await inner.UpdateAsync(key, ct);
        _byKey.TryRemove(key.Key, out _);
        return updated;
    }

    public Task<WidgetKey?> GetAsync(string id, CancellationToken ct = default) => inner.GetAsync(id, ct);

    public Task<IReadOnlyList<WidgetKey>> ListByServiceAsync(string serviceId, CancellationToken ct = default) => inner.ListByServiceAsync(serviceId, ct);

    private sealed record Entry(WidgetKey? Key, DateTimeOffset Until);
}
