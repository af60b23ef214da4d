using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>Write models the stores share.</summary>
internal static class Upserts
{
    /// <summary>
    /// An upsert that only ever inserts: the whole document goes in $setOnInsert under its id, so a stored one is
    /// untouched and, inside a transaction, a repeated id is no error that would abort it.
    /// </summary>
    public static UpdateOneModel<T> InsertIfAbsent<T>(T document, string id)
    {
        var fields = document.ToBsonDocument();
        fields.Remove("_id");
        return new UpdateOneModel<T>(Builders<T>.Filter.Eq("_id", id), new BsonDocument("$setOnInsert", fields)) { IsUpsert = true };
    }
}
