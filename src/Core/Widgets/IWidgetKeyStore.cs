namespace Engagement.Core.Widgets;

/// <summary>Stores widget keys. Every adapter honours the rules stated on each method.</summary>
public interface IWidgetKeyStore
{
    /// <summary>Adds a key durably. Returns false, and changes nothing, when the id or the public key is taken.</summary>
    Task<bool> TryAddAsync(WidgetKey key, CancellationToken ct = default);

    /// <summary>
    /// Replaces a key's settings (origins, page pattern, question, language, average, enabled, update time); its id,
    /// public key, organisation, service and creation time stay as stored. False when no key has this id.
    /// </summary>
    Task<bool> UpdateAsync(WidgetKey key, CancellationToken ct = default);

    /// <summary>The key with this id, or null.</summary>
    Task<WidgetKey?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The key with this public key (exact, case-sensitive), or null.</summary>
    Task<WidgetKey?> GetByKeyAsync(string key, CancellationToken ct = default);

    /// <summary>A service's keys, oldest first.</summary>
    Task<IReadOnlyList<WidgetKey>> ListByServiceAsync(string serviceId, CancellationToken ct = default);
}
