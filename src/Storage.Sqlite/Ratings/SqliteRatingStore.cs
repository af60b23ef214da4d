using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>Service ratings in SQLite; each rating and its tally change share one transaction.</summary>
public sealed class SqliteRatingStore(SqliteDatabase db) : IRatingStore
{
    private const string Insert = "INSERT INTO ratings (id, service_id, created_ticks, comment_status, doc) VALUES (@id, @service_id, @created_ticks, @comment_status, @doc)";

    // Not INSERT OR IGNORE: that would also swallow NOT NULL failures, silently dropping a malformed rating.
    private const string InsertUnlessIdTaken = Insert + " ON CONFLICT (id) DO NOTHING";

    public Task<bool> TryAddAsync(ServiceRating rating, Core.FollowUps.FollowUp? followUp = null, CancellationToken ct = default)
    {
        var wish = SqliteFollowUpStore.Row.Of(followUp);
        return db.TryWriteAsync(tx =>
        {
            Bind(tx.Command(Insert), rating).Run();
            tx.Apply(RatingTallies.ForNew(rating));
            AppendIfPublished(tx, rating);
            SqliteFollowUpStore.Append(tx, wish);
            return true;
        }, ct);
    }

    public Task<int> AddManyAsync(IReadOnlyList<ServiceRating> ratings, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            var delta = new TallyDelta();
            var added = 0;
            foreach (var rating in ratings)
            {
                // A taken id (stored, or earlier in this batch) inserts nothing and so tallies nothing.
                if (Bind(tx.Command(InsertUnlessIdTaken), rating).Run() == 0)
                    continue;
                delta.Merge(RatingTallies.ForNew(rating));
                AppendIfPublished(tx, rating);
                added++;
            }
            // One upsert per bucket for the whole batch rather than one per rating.
            tx.Apply(delta);
            return added;
        }, ct);

    public Task<ServiceRating?> SetCommentStatusAsync(string ratingId, CommentStatus status, CancellationToken ct = default) =>
        db.WriteAsync<ServiceRating?>(tx =>
        {
            var current = tx.Command("SELECT doc FROM ratings WHERE id = @id").With("@id", ratingId).ReadDoc<ServiceRating>();
            if (current?.CommentStatus is null)
                return null;
            var updated = current with { CommentStatus = status };
            tx.Command("UPDATE ratings SET comment_status = @comment_status, doc = @doc WHERE id = @id")
                .With("@id", ratingId).With("@comment_status", status.ToString()).With("@doc", StorageJson.Serialize(updated)).Run();
            if (current.CommentStatus != CommentStatus.Published)
                AppendIfPublished(tx, updated);
            return updated;
        }, ct);

    public Task<Page<ServiceRating>> ListAsync(string serviceId, PageRequest page, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("""
                SELECT doc FROM ratings
                WHERE service_id = @service_id AND (created_ticks, id) > (@after_ticks, @after_id)
                ORDER BY created_ticks, id LIMIT @take
                """)
            .With("@service_id", serviceId)
            .WithPage(page)
            .ReadDocs<ServiceRating>()
            .ToPage(page, x => PageCursor.Of(x.CreatedAt, x.Id)), ct);

    public Task<Page<ServiceRating>> ListHeldCommentsAsync(DateTimeOffset before, PageRequest page, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("""
                SELECT doc FROM ratings
                WHERE comment_status = 'Held' AND created_ticks < @before AND (created_ticks, id) > (@after_ticks, @after_id)
                ORDER BY created_ticks, id LIMIT @take
                """)
            .With("@before", before.Ticks())
            .WithPage(page)
            .ReadDocs<ServiceRating>()
            .ToPage(page, x => PageCursor.Of(x.CreatedAt, x.Id)), ct);

    private static void AppendIfPublished(SqliteTransaction tx, ServiceRating rating)
    {
        if (rating.Comment is not null && rating.CommentStatus == CommentStatus.Published)
            TextFeed.Append(tx, Core.Screening.TextKind.RatingComment, rating.Id);
    }

    private static SqliteCommand Bind(SqliteCommand command, ServiceRating rating) => command
        .With("@id", rating.Id)
        .With("@service_id", rating.ServiceId)
        .With("@created_ticks", rating.CreatedAt.Ticks())
        .With("@comment_status", rating.CommentStatus?.ToString())
        .With("@doc", StorageJson.Serialize(rating));
}
