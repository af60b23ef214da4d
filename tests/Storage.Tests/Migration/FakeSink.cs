using Engagement.Storage.Migration;
using MongoDB.Bson;

namespace Engagement.Storage.Tests.Migration;

/// <summary>
/// An in-memory sink: documents per collection keyed by <c>_id</c> (so an upsert replaces, as Mongo's does), checkpoints,
/// a log of every write in order, and switches that make it fail or lose a document, for the copy's failure paths.
/// </summary>
public sealed class FakeSink : IMigrationSink
{
    public Dictionary<string, Dictionary<BsonValue, BsonDocument>> Collections { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MigrationCheckpoint> Checkpoints { get; } = new(StringComparer.Ordinal);

    /// <summary>"prepare", "upsert {collection} {n}", "checkpoint {table} {copied}", "counter {collection} {id} {value}", in call order.</summary>
    public List<string> Log { get; } = [];

    /// <summary>Every _id ever written, per collection, duplicates kept: what shows a row written twice.</summary>
    public Dictionary<string, List<BsonValue>> Written { get; } = new(StringComparer.Ordinal);

    /// <summary>The upsert after this many succeeded throws before writing anything (a crash mid-copy).</summary>
    public int? FailUpsertAfter { get; set; }

    /// <summary>The checkpoint after this many were saved throws, after its batch was written (a crash between the two).</summary>
    public int? FailCheckpointAfter { get; set; }

    /// <summary>Documents with this _id are acknowledged but never stored (a target that loses data).</summary>
    public BsonValue? Drop { get; set; }

    public bool Prepared { get; private set; }

    private int _upserts;
    private int _checkpoints;

    public string Describe() => "the in-memory test sink";

    public Task PrepareAsync(CancellationToken ct)
    {
        Prepared = true;
        Log.Add("prepare");
        return Task.CompletedTask;
    }

    public Task UpsertAsync(string collection, IReadOnlyList<BsonDocument> documents, CancellationToken ct)
    {
        if (FailUpsertAfter is { } limit && _upserts >= limit)
            throw new IOException($"The test sink fails after {limit} batches.");
        _upserts++;
        var stored = Collection(collection);
        var written = Written.TryGetValue(collection, out var w) ? w : Written[collection] = [];
        foreach (var document in documents)
        {
            var id = document["_id"];
            written.Add(id);
            if (id != Drop)
                stored[id] = document.DeepClone().AsBsonDocument;
        }
        Log.Add($"upsert {collection} {documents.Count}");
        return Task.CompletedTask;
    }

    public Task<long> CountAsync(string collection, BsonDocument filter, CancellationToken ct) =>
        Task.FromResult((long)Collection(collection).Values.Count(d => filter.All(e => d.TryGetValue(e.Name, out var v) && v == e.Value)));

    /// <summary>
    /// Hands the count each document cut down to <c>_id</c> and the top-level fields the projection names, as the server
    /// would, so a count that reads a field the projection left out fails here too.
    /// </summary>
    public Task<long> SumAsync(string collection, BsonDocument projection, Func<BsonDocument, long> count, CancellationToken ct)
    {
        var kept = projection.Names.Select(n => n.Split('.')[0]).Append("_id").ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(Collection(collection).Values.Sum(d => count(new BsonDocument(d.Where(e => kept.Contains(e.Name))))));
    }

    public Task RaiseCounterAsync(string collection, BsonValue id, string field, long value, CancellationToken ct)
    {
        var stored = Collection(collection);
        var current = stored.TryGetValue(id, out var found) ? found[field].ToInt64() : long.MinValue;
        stored[id] = new BsonDocument { { "_id", id }, { field, Math.Max(current, value) } };
        Log.Add($"counter {collection} {id} {value}");
        return Task.CompletedTask;
    }

    public Task<MigrationCheckpoint?> ReadCheckpointAsync(string table, CancellationToken ct) =>
        Task.FromResult(Checkpoints.GetValueOrDefault(table));

    public Task SaveCheckpointAsync(MigrationCheckpoint checkpoint, CancellationToken ct)
    {
        if (FailCheckpointAfter is { } limit && _checkpoints >= limit)
            throw new IOException($"The test sink fails after {limit} checkpoints.");
        _checkpoints++;
        Checkpoints[checkpoint.Table] = checkpoint with { After = checkpoint.After.DeepClone().AsBsonArray };
        Log.Add($"checkpoint {checkpoint.Table} {checkpoint.Copied}");
        return Task.CompletedTask;
    }

    /// <summary>Every stored document as JSON, collections and ids in order: what "changes nothing" compares.</summary>
    public string Snapshot() => string.Join("\n", Collections.OrderBy(c => c.Key, StringComparer.Ordinal)
        .SelectMany(c => c.Value.OrderBy(d => d.Key.ToString(), StringComparer.Ordinal).Select(d => $"{c.Key}: {d.Value.ToJson()}")));

    public Dictionary<BsonValue, BsonDocument> Collection(string name) =>
        Collections.TryGetValue(name, out var found) ? found : Collections[name] = [];
}
