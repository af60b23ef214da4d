using Engagement.Core.Comments;
using Engagement.Core.Common;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>A participant's reaction to a comment; the id is the pair, which is what makes it one per participant per comment.</summary>
internal sealed record ReactionDocument(ReactionKey Id, Reaction Reaction, DateTimeOffset At);

/// <summary>A reaction's identity: the comment and the participant.</summary>
internal sealed record ReactionKey(string CommentId, string ParticipantId);

/// <summary>Comments and reactions in MongoDB; each write moves its tallies (and the text feed) in the same transaction.</summary>
public sealed class MongoCommentStore(MongoStorage db) : ICommentStore
{
    private const string Created = "createdAt";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.Comments, "top_level_status", MongoPaging.Keys(Created, "consultationId", "parentId", "status")),
        new(MongoSchema.Collections.Comments, "top_level", MongoPaging.Keys(Created, "consultationId", "parentId")),
        new(MongoSchema.Collections.Comments, "replies", MongoPaging.Keys(Created, "parentId"))
        {
            PartialFilter = new BsonDocument("parentId", new BsonDocument("$exists", true)),
        },
        new(MongoSchema.Collections.Comments, "awaiting_review", MongoPaging.Keys(Created, "status")),
        // The _id (comment, participant) already allows one reaction per pair; this serves "my reactions on this page".
        new(MongoSchema.Collections.Reactions, "participant_comment", new BsonDocument { { "_id.participantId", 1 }, { "_id.commentId", 1 } }),
    ];

    private readonly IMongoCollection<Comment> _comments = db.Collection<Comment>(MongoSchema.Collections.Comments);
    private readonly IMongoCollection<ReactionDocument> _reactions = db.Collection<ReactionDocument>(MongoSchema.Collections.Reactions);

    public Task<bool> TryAddAsync(Comment comment, Core.FollowUps.FollowUp? followUp = null, CancellationToken ct = default) =>
        db.TryInTransactionAsync(async (s, c) =>
        {
            await _comments.InsertOneAsync(s, comment, cancellationToken: c);
            await TallyWrites.ApplyAsync(db, s, CommentTallies.ForNew(comment), c);
            if (comment.Status == CommentStatus.Published)
                await TextFeed.AppendAsync(db, s, TextFeed.KindOf(comment), comment.Id, c);
            await FollowUpWrites.AppendAsync(db, s, followUp, c);
            return true;
        }, ct);

    public async Task<Comment?> GetAsync(string id, CancellationToken ct = default) =>
        await _comments.Find(Queries.ById(id)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<Comment>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        ids.Count == 0 ? [] : await _comments.Find(Queries.ByIds(ids)).ToListAsync(ct);

    public async Task<Page<Comment>> ListTopLevelAsync(string consultationId, CommentStatus? status, PageRequest page, CancellationToken ct = default)
    {
        var rows = await _comments.Find(Queries.TopLevel(consultationId, status, page)).Sort(Queries.Oldest()).Limit(MongoPaging.Take(page)).ToListAsync(ct);
        return MongoPaging.ToPage(rows, page, x => PageCursor.Of(x.CreatedAt, x.Id));
    }

    public async Task<Page<Comment>> ListAwaitingReviewAsync(DateTimeOffset before, PageRequest page, CancellationToken ct = default)
    {
        var rows = await _comments.Find(Queries.AwaitingReview(before, page)).Sort(Queries.Oldest()).Limit(MongoPaging.Take(page)).ToListAsync(ct);
        return MongoPaging.ToPage(rows, page, x => PageCursor.Of(x.CreatedAt, x.Id));
    }

    public async Task<IReadOnlyList<Comment>> ListRepliesAsync(IReadOnlyCollection<string> parentIds, CommentStatus? status, CancellationToken ct = default) =>
        parentIds.Count == 0 ? [] : await _comments.Find(Queries.Replies(parentIds, status)).Sort(Queries.Oldest()).ToListAsync(ct);

    public Task<CommentStatusChange?> SetStatusAsync(string commentId, CommentStatus status, DateTimeOffset at, CancellationToken ct = default) =>
        db.InTransactionAsync<CommentStatusChange?>(async (s, c) =>
        {
            // The document as it was before this update, read by the same atomic operation that changes it.
            var before = await _comments.FindOneAndUpdateAsync(s, Queries.ById(commentId), Queries.SetStatus(status, at),
                new FindOneAndUpdateOptions<Comment> { ReturnDocument = ReturnDocument.Before }, c);
            if (before is null)
                return null;
            await TallyWrites.ApplyAsync(db, s, CommentTallies.ForStatusChange(before, before.Status, status), c);
            if (status == CommentStatus.Published && before.Status != CommentStatus.Published)
                await TextFeed.AppendAsync(db, s, TextFeed.KindOf(before), commentId, c);
            return new CommentStatusChange(before with { Status = status, UpdatedAt = at }, before.Status);
        }, ct);

    public Task<Comment?> SetTextAsync(string commentId, string text, DateTimeOffset at, CancellationToken ct = default) =>
        db.InTransactionAsync<Comment?>(async (s, c) =>
        {
            var updated = await _comments.FindOneAndUpdateAsync(s, Queries.ById(commentId), Queries.SetText(text, at),
                new FindOneAndUpdateOptions<Comment> { ReturnDocument = ReturnDocument.After }, c);
            // The edited text is read again; a held one is read when it is published.
            if (updated is { Status: CommentStatus.Published })
                await TextFeed.AppendAsync(db, s, TextFeed.KindOf(updated), commentId, c);
            return updated;
        }, ct);

    public Task<Reaction?> SetReactionAsync(string commentId, string participantId, Reaction? reaction, DateTimeOffset at, CancellationToken ct = default) =>
        db.InTransactionAsync<Reaction?>(async (s, c) =>
        {
            var key = new ReactionKey(commentId, participantId);
            // One atomic operation both reads the previous reaction and replaces it; a concurrent call on the same pair
            // conflicts with this transaction, and the driver retries the loser against the winner's result.
            var previous = reaction is { } r
                ? await _reactions.FindOneAndUpdateAsync(s, Queries.Reaction(key), Queries.SetReaction(r, at),
                    new FindOneAndUpdateOptions<ReactionDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.Before }, c)
                : await _reactions.FindOneAndDeleteAsync(s, Queries.Reaction(key), cancellationToken: c);
            var before = previous?.Reaction;
            if (before != reaction)
                await TallyWrites.ApplyAsync(db, s, CommentTallies.ForReaction(commentId, before, reaction), c);
            return before;
        }, ct);

    public async Task<IReadOnlyDictionary<string, Reaction>> GetReactionsAsync(string participantId, IReadOnlyCollection<string> commentIds, CancellationToken ct = default)
    {
        if (commentIds.Count == 0)
            return new Dictionary<string, Reaction>();
        var found = await _reactions.Find(Queries.ReactionsOf(participantId, commentIds)).ToListAsync(ct);
        return found.ToDictionary(x => x.Id.CommentId, x => x.Reaction, StringComparer.Ordinal);
    }

    /// <summary>Every filter, sort and update this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<Comment> F = Builders<Comment>.Filter;
        private static readonly FilterDefinitionBuilder<ReactionDocument> R = Builders<ReactionDocument>.Filter;

        public static FilterDefinition<Comment> ById(string id) => F.Eq(x => x.Id, id);

        public static FilterDefinition<Comment> ByIds(IEnumerable<string> ids) => F.In(x => x.Id, ids.Distinct(StringComparer.Ordinal));

        /// <summary>A consultation's top-level comments (no parent), optionally in one status, after the page's cursor.</summary>
        public static FilterDefinition<Comment> TopLevel(string consultationId, CommentStatus? status, PageRequest page)
        {
            var filter = F.Eq(x => x.ConsultationId, consultationId) & F.Eq(x => x.ParentId, null);
            if (status is { } s)
                filter &= F.Eq(x => x.Status, s);
            return filter & MongoPaging.After<Comment>(Created, page);
        }

        /// <summary>Comments held by screening or hidden by reports, written before an instant, after the page's cursor.</summary>
        public static FilterDefinition<Comment> AwaitingReview(DateTimeOffset before, PageRequest page) =>
            F.In(x => x.Status, [CommentStatus.Held, CommentStatus.Hidden])
            & F.Lt(Instant.TicksOf(Created), before.UtcTicks)
            & MongoPaging.After<Comment>(Created, page);

        public static FilterDefinition<Comment> Replies(IEnumerable<string> parentIds, CommentStatus? status)
        {
            var filter = F.In(x => x.ParentId, parentIds.Distinct(StringComparer.Ordinal));
            return status is { } s ? filter & F.Eq(x => x.Status, s) : filter;
        }

        public static SortDefinition<Comment> Oldest() => MongoPaging.Oldest<Comment>(Created);

        public static UpdateDefinition<Comment> SetStatus(CommentStatus status, DateTimeOffset at) =>
            Builders<Comment>.Update.Set(x => x.Status, status).Set(x => x.UpdatedAt, at);

        public static UpdateDefinition<Comment> SetText(string text, DateTimeOffset at) =>
            Builders<Comment>.Update.Set(x => x.Text, text).Set(x => x.UpdatedAt, at);

        public static FilterDefinition<ReactionDocument> Reaction(ReactionKey key) => R.Eq(x => x.Id, key);

        public static UpdateDefinition<ReactionDocument> SetReaction(Reaction reaction, DateTimeOffset at) =>
            Builders<ReactionDocument>.Update.Set(x => x.Reaction, reaction).Set(x => x.At, at);

        public static FilterDefinition<ReactionDocument> ReactionsOf(string participantId, IEnumerable<string> commentIds) =>
            R.Eq("_id.participantId", participantId) & R.In("_id.commentId", commentIds.Distinct(StringComparer.Ordinal));
    }
}
