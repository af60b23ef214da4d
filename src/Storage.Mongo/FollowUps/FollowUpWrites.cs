using Engagement.Core.FollowUps;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>Stores a contributor's follow-up address inside the caller's transaction (the contribution's own write).</summary>
internal static class FollowUpWrites
{
    /// <summary>Stores the follow-up unless one with its id is stored already (that one stays as it was); nothing when none is given.</summary>
    public static async Task AppendAsync(MongoStorage db, IClientSessionHandle? session, FollowUp? followUp, CancellationToken ct)
    {
        if (followUp is null)
            return;
        var (filter, update) = Queries.InsertIfAbsent(followUp);
        var collection = db.Collection<FollowUp>(MongoSchema.Collections.FollowUps);
        var options = new UpdateOptions { IsUpsert = true };
        if (session is null)
            await collection.UpdateOneAsync(filter, update, options, ct);
        else
            await collection.UpdateOneAsync(session, filter, update, options, ct);
    }

    internal static class Queries
    {
        /// <summary>An upsert that only ever inserts: the whole document goes in $setOnInsert, so an existing one is untouched.</summary>
        public static (FilterDefinition<FollowUp> Filter, UpdateDefinition<FollowUp> Update) InsertIfAbsent(FollowUp followUp)
        {
            var upsert = Upserts.InsertIfAbsent(followUp, followUp.Id);
            return (upsert.Filter, upsert.Update);
        }
    }
}
