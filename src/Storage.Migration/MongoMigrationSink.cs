using Engagement.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Migration;

/// <summary>
/// Writes the copy into the Mongo database the stores use: unordered bulk replace-or-insert by <c>_id</c> (so a batch
/// written again after a crash changes nothing), with the storage's majority, journaled write concern; checkpoints live in
/// their own collection.
/// </summary>
public sealed class MongoMigrationSink(MongoStorage storage) : IMigrationSink
{
    /// <summary>The collection of per-table checkpoints; no store reads it, and it can be dropped once the copy is verified.</summary>
    public const string CheckpointCollection = "migrationCheckpoints";

    public string Describe() => storage.Describe();

    public Task PrepareAsync(CancellationToken ct) => storage.InitializeAsync(ct);

    public async Task UpsertAsync(string collection, IReadOnlyList<BsonDocument> documents, CancellationToken ct)
    {
        if (documents.Count == 0)
            return;
        // Unordered: the server may apply the replacements in parallel, and one failure does not hide the others' outcome.
        await storage.Collection<BsonDocument>(collection).BulkWriteAsync(documents.Select(Queries.Upsert), new BulkWriteOptions { IsOrdered = false }, ct);
    }

    public Task<long> CountAsync(string collection, BsonDocument filter, CancellationToken ct) =>
        storage.Collection<BsonDocument>(collection).CountDocumentsAsync(filter, cancellationToken: ct);

    public async Task<long> SumAsync(string collection, BsonDocument projection, Func<BsonDocument, long> count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(count);
        long total = 0;
        // Streamed in cursor batches with only the projected fields, so a large collection never sits in memory whole.
        using var cursor = await storage.Collection<BsonDocument>(collection).Find(FilterDefinition<BsonDocument>.Empty).Project(projection).ToCursorAsync(ct);
        while (await cursor.MoveNextAsync(ct))
        {
            foreach (var document in cursor.Current)
                total += count(document);
        }
        return total;
    }

    public Task RaiseCounterAsync(string collection, BsonValue id, string field, long value, CancellationToken ct)
    {
        var (filter, update) = Queries.Raise(id, field, value);
        return storage.Collection<BsonDocument>(collection).UpdateOneAsync(filter, update, new UpdateOptions { IsUpsert = true }, ct);
    }

    public async Task<MigrationCheckpoint?> ReadCheckpointAsync(string table, CancellationToken ct)
    {
        var found = await storage.Collection<BsonDocument>(CheckpointCollection).Find(Queries.ById(table)).FirstOrDefaultAsync(ct);
        return found is null ? null : Queries.CheckpointOf(found);
    }

    public Task SaveCheckpointAsync(MigrationCheckpoint checkpoint, CancellationToken ct) =>
        storage.Collection<BsonDocument>(CheckpointCollection).ReplaceOneAsync(
            Queries.ById(checkpoint.Table), Queries.Document(checkpoint), new ReplaceOptions { IsUpsert = true }, ct);

    /// <summary>Every write model and filter this sink sends; the offline tests render each.</summary>
    internal static class Queries
    {
        public static FilterDefinition<BsonDocument> ById(BsonValue id) => Builders<BsonDocument>.Filter.Eq("_id", id);

        public static ReplaceOneModel<BsonDocument> Upsert(BsonDocument document) =>
            new(ById(document.TryGetValue("_id", out var id) ? id : throw new ArgumentException("A copied document has no _id.", nameof(document))), document)
            {
                IsUpsert = true,
            };

        /// <summary>$max only ever raises, so a counter the application already moved past the copied sequence keeps its value.</summary>
        public static (FilterDefinition<BsonDocument> Filter, UpdateDefinition<BsonDocument> Update) Raise(BsonValue id, string field, long value) =>
            (ById(id), new BsonDocument("$max", new BsonDocument(field, value)));

        public static BsonDocument Document(MigrationCheckpoint checkpoint) => new()
        {
            { "_id", checkpoint.Table },
            { "after", checkpoint.After },
            { "copied", checkpoint.Copied },
            { "source", checkpoint.Source },
            { "at", DateTime.UtcNow },
        };

        public static MigrationCheckpoint CheckpointOf(BsonDocument document) =>
            new(document["_id"].AsString, document["after"].AsBsonArray, document["copied"].ToInt64(), document["source"].AsString);
    }
}
