using Engagement.Core.Comments;
using Engagement.Core.Screening;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>One entry of the feed of public texts: its sequence is the id, so the feed reads in order from an index.</summary>
internal sealed record FeedEntryDocument(long Id, TextKind Kind, string TargetId);

/// <summary>A named sequence (the text feed's), moved with an atomic find-and-modify.</summary>
internal sealed record CounterDocument(string Id, long Value);

/// <summary>
/// Appends to the feed of public texts inside the caller's transaction, so the feed never misses a committed text. The
/// sequence comes from one counter document that every appending transaction writes: two concurrent appends conflict on
/// it and one retries after the other commits, so sequences become visible in order and a reader never skips one.
/// </summary>
internal static class TextFeed
{
    public const string Counter = "textFeed";

    internal static readonly IReadOnlyList<MongoIndex> Indexes = [];

    public static async Task AppendAsync(MongoStorage db, IClientSessionHandle session, TextKind kind, string targetId, CancellationToken ct)
    {
        var counter = await db.Collection<CounterDocument>(MongoSchema.Collections.Counters).FindOneAndUpdateAsync(
            session, Queries.Counter(Counter), Queries.NextValue(),
            new FindOneAndUpdateOptions<CounterDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After }, ct);
        await db.Collection<FeedEntryDocument>(MongoSchema.Collections.TextFeed)
            .InsertOneAsync(session, new FeedEntryDocument(counter.Value, kind, targetId), cancellationToken: ct);
    }

    public static TextKind KindOf(Comment comment) => comment.IsReply ? TextKind.Reply : TextKind.Comment;

    /// <summary>A survey answer's id in the feed and in the moderation queue: the response's id and the question's.</summary>
    public static string SurveyAnswerId(string responseId, string questionId) => $"{responseId}/{questionId}";

    internal static class Queries
    {
        public static FilterDefinition<CounterDocument> Counter(string name) => Builders<CounterDocument>.Filter.Eq(x => x.Id, name);

        public static UpdateDefinition<CounterDocument> NextValue() => Builders<CounterDocument>.Update.Inc(x => x.Value, 1L);
    }
}
