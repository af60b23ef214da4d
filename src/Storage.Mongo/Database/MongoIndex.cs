using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// One index a repository needs: declared beside the queries it serves, created idempotently at start-up, and
/// rendered in the offline tests so a reviewer sees every index in the checked-in JSON.
/// </summary>
internal sealed record MongoIndex(string Collection, string Name, BsonDocument Keys)
{
    public bool Unique { get; init; }

    /// <summary>Only documents matching this are indexed (and, with Unique, held to it).</summary>
    public BsonDocument? PartialFilter { get; init; }

    /// <summary>A TTL index: the server deletes a document this long after the date in its single key.</summary>
    public TimeSpan? ExpireAfter { get; init; }

    public CreateIndexModel<BsonDocument> ToModel() => new(
        new BsonDocumentIndexKeysDefinition<BsonDocument>(Keys),
        new CreateIndexOptions<BsonDocument>
        {
            Name = Name,
            Unique = Unique ? true : null,
            PartialFilterExpression = PartialFilter is null ? null : new BsonDocumentFilterDefinition<BsonDocument>(PartialFilter),
            ExpireAfter = ExpireAfter,
        });

    /// <summary>The index as the createIndexes command names it, for the offline assertions.</summary>
    public BsonDocument Render()
    {
        var spec = new BsonDocument { { "collection", Collection }, { "name", Name }, { "key", Keys } };
        if (Unique)
            spec.Add("unique", true);
        if (PartialFilter is not null)
            spec.Add("partialFilterExpression", PartialFilter);
        if (ExpireAfter is { } ttl)
            spec.Add("expireAfterSeconds", (long)ttl.TotalSeconds);
        return spec;
    }
}
