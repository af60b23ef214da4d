using GraphQL.DataLoader;

namespace Engagement.GraphQL.Batching;

/// <summary>
/// Collects the keys resolvers ask for during one execution step and loads them in one store call when the
/// engine first needs a value, so a list of N items costs one query, not N. One instance per request.
/// </summary>
public sealed class RequestBatch<TValue>(Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, TValue>>> loadMany, Func<string, TValue> missing)
{
    private readonly HashSet<string> _pending = [];
    private readonly Dictionary<string, TValue> _loaded = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IDataLoaderResult<TValue> Load(string key)
    {
        lock (_pending)
        {
            if (!_loaded.ContainsKey(key))
                _pending.Add(key);
        }
        return new Pending(this, key);
    }

    private async Task<TValue> ResolveAsync(string key, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            string[] keys;
            lock (_pending)
            {
                keys = [.. _pending];
                _pending.Clear();
            }
            if (keys.Length > 0)
            {
                var values = await loadMany(keys, ct);
                foreach (var k in keys)
                    _loaded[k] = values.TryGetValue(k, out var v) ? v : missing(k);
            }
            return _loaded.TryGetValue(key, out var value) ? value : missing(key);
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed class Pending(RequestBatch<TValue> batch, string key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => batch.ResolveAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
