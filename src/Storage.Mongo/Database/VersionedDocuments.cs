using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// The version-checked replacement shared by documents that carry a version (consultations, surveys): one update whose
/// filter names the expected version, so checking and writing are a single atomic operation on the server.
/// </summary>
internal static class VersionedDocuments
{
    /// <summary>
    /// Sets every field of <paramref name="given"/> but the id and the <paramref name="immutable"/> members (named as C#
    /// members), and unsets the fields it leaves out: nulls are not stored, so a field cleared by the caller must be
    /// removed rather than kept at its stored value.
    /// </summary>
    public static UpdateDefinition<T> ReplaceAllBut<T>(T given, params string[] immutable)
    {
        var map = BsonClassMap.LookupClassMap(typeof(T));
        var kept = immutable.Select(m => map.GetMemberMap(m)?.ElementName
            ?? throw new ArgumentException($"{typeof(T).Name} has no mapped member '{m}'.", nameof(immutable))).Append("_id").ToHashSet(StringComparer.Ordinal);
        var document = given.ToBsonDocument(BsonSerializer.LookupSerializer<T>());
        var set = new BsonDocument(document.Where(e => !kept.Contains(e.Name)));
        var unset = new BsonDocument(map.AllMemberMaps
            .Select(m => m.ElementName)
            .Where(name => !kept.Contains(name) && !document.Contains(name))
            .Select(name => new BsonElement(name, 1)));
        var update = new BsonDocument("$set", set);
        // The server refuses an empty $unset.
        if (unset.ElementCount > 0)
            update.Add("$unset", unset);
        return new BsonDocumentUpdateDefinition<T>(update);
    }
}
