using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>Service ratings in MongoDB; each rating moves its tallies (and feeds a published comment) in the same transaction.</summary>
public sealed class MongoRatingStore(MongoStorage db) : IRatingStore
{
    private const string Created = "createdAt";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.Ratings, "service_created", MongoPaging.Keys(Created, "serviceId")),
        // Only held comments are indexed: the moderation queue reads those, and they are few beside all ratings.
        new(MongoSchema.Collections.Ratings, "held_comments", MongoPaging.Keys(Created, "commentStatus"))
        {
            PartialFilter = new BsonDocument("commentStatus", nameof(CommentStatus.Held)),
        },
    ];

    private readonly IMongoCollection<ServiceRating> _ratings = db.Collection<ServiceRating>(MongoSchema.Collections.Ratings);

    public Task<bool> TryAddAsync(ServiceRating rating, Core.FollowUps.FollowUp? followUp = null, CancellationToken ct = default)
    {
        RequireId(rating);
        return db.TryInTransactionAsync(async (s, c) =>
        {
            await _ratings.InsertOneAsync(s, rating, cancellationToken: c);
            await TallyWrites.ApplyAsync(db, s, RatingTallies.ForNew(rating), c);
            await AppendIfPublishedAsync(s, rating, c);
            await FollowUpWrites.AppendAsync(db, s, followUp, c);
            return true;
        }, ct);
    }

    public async Task<int> AddManyAsync(IReadOnlyList<ServiceRating> ratings, CancellationToken ct = default)
    {
        // Refused before anything is written: an upsert on a null id would store a rating with a null _id.
        foreach (var rating in ratings)
            RequireId(rating);
        if (ratings.Count == 0)
            return 0;
        return await db.InTransactionAsync(async (s, c) =>
        {
            // One ordered round trip of insert-if-absent upserts: a taken id (stored, or earlier in this batch, which the
            // transaction reads back) matches and inserts nothing, where a plain insert's duplicate key would abort it all.
            var result = await _ratings.BulkWriteAsync(s, ratings.Select(Queries.InsertIfAbsent), new BulkWriteOptions { IsOrdered = true }, c);
            var delta = new TallyDelta();
            foreach (var upsert in result.Upserts.OrderBy(u => u.Index))
            {
                var rating = ratings[upsert.Index];
                delta.Merge(RatingTallies.ForNew(rating));
                await AppendIfPublishedAsync(s, rating, c);
            }
            // One upsert per bucket for the whole batch rather than one per rating.
            await TallyWrites.ApplyAsync(db, s, delta, c);
            return result.Upserts.Count;
        }, ct);
    }

    public Task<ServiceRating?> SetCommentStatusAsync(string ratingId, CommentStatus status, CancellationToken ct = default) =>
        db.InTransactionAsync<ServiceRating?>(async (s, c) =>
        {
            // The rating as it was, read by the same atomic operation that changes it; one without a comment does not match.
            var before = await _ratings.FindOneAndUpdateAsync(s, Queries.WithComment(ratingId), Queries.SetCommentStatus(status),
                new FindOneAndUpdateOptions<ServiceRating> { ReturnDocument = ReturnDocument.Before }, c);
            if (before is null)
                return null;
            var updated = before with { CommentStatus = status };
            if (before.CommentStatus != CommentStatus.Published)
                await AppendIfPublishedAsync(s, updated, c);
            return updated;
        }, ct);

    public async Task<Page<ServiceRating>> ListHeldCommentsAsync(DateTimeOffset before, PageRequest page, CancellationToken ct = default)
    {
        var rows = await _ratings.Find(Queries.HeldComments(before, page)).Sort(Queries.Oldest()).Limit(MongoPaging.Take(page)).ToListAsync(ct);
        return MongoPaging.ToPage(rows, page, x => PageCursor.Of(x.CreatedAt, x.Id));
    }

    public async Task<Page<ServiceRating>> ListAsync(string serviceId, PageRequest page, CancellationToken ct = default)
    {
        var rows = await _ratings.Find(Queries.OfService(serviceId, page)).Sort(Queries.Oldest()).Limit(MongoPaging.Take(page)).ToListAsync(ct);
        return MongoPaging.ToPage(rows, page, x => PageCursor.Of(x.CreatedAt, x.Id));
    }

    private Task AppendIfPublishedAsync(IClientSessionHandle session, ServiceRating rating, CancellationToken ct) =>
        rating is { Comment: not null, CommentStatus: CommentStatus.Published }
            ? TextFeed.AppendAsync(db, session, Core.Screening.TextKind.RatingComment, rating.Id, ct)
            : Task.CompletedTask;

    private static void RequireId(ServiceRating rating)
    {
        if (string.IsNullOrEmpty(rating.Id))
            throw new ArgumentException("A rating needs an id.", nameof(rating));
    }

    /// <summary>Every filter, sort, update and write model this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<ServiceRating> F = Builders<ServiceRating>.Filter;

        /// <summary>An upsert that only ever inserts: the whole rating goes in $setOnInsert, so a stored one is untouched.</summary>
        public static UpdateOneModel<ServiceRating> InsertIfAbsent(ServiceRating rating) => Upserts.InsertIfAbsent(rating, rating.Id);

        /// <summary>The rating, only when it has a comment (a rating without one has no status to set).</summary>
        public static FilterDefinition<ServiceRating> WithComment(string ratingId) =>
            F.Eq(x => x.Id, ratingId) & F.Ne(x => x.CommentStatus, null);

        public static UpdateDefinition<ServiceRating> SetCommentStatus(CommentStatus status) =>
            Builders<ServiceRating>.Update.Set(x => x.CommentStatus, status);

        /// <summary>Ratings whose comment is held, written before an instant, after the page's cursor.</summary>
        public static FilterDefinition<ServiceRating> HeldComments(DateTimeOffset before, PageRequest page) =>
            F.Eq(x => x.CommentStatus, CommentStatus.Held)
            & F.Lt(Instant.TicksOf(Created), before.UtcTicks)
            & MongoPaging.After<ServiceRating>(Created, page);

        /// <summary>The service's ratings after the page's cursor.</summary>
        public static FilterDefinition<ServiceRating> OfService(string serviceId, PageRequest page) =>
            F.Eq(x => x.ServiceId, serviceId) & MongoPaging.After<ServiceRating>(Created, page);

        public static SortDefinition<ServiceRating> Oldest() => MongoPaging.Oldest<ServiceRating>(Created);
    }
}
