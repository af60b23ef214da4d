using Engagement.Core.Comments;
using Engagement.Core.Common;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>Comments and reactions in SQLite; each write moves its tallies in the same transaction.</summary>
public sealed class SqliteCommentStore(SqliteDatabase db) : ICommentStore
{
    public Task<bool> TryAddAsync(Comment comment, Core.FollowUps.FollowUp? followUp = null, CancellationToken ct = default)
    {
        var wish = SqliteFollowUpStore.Row.Of(followUp);
        return db.TryWriteAsync(tx =>
        {
            tx.Command("""
                INSERT INTO comments (id, consultation_id, parent_id, status, created_ticks, doc)
                VALUES (@id, @consultation_id, @parent_id, @status, @created_ticks, @doc)
                """)
                .With("@id", comment.Id)
                .With("@consultation_id", comment.ConsultationId)
                .With("@parent_id", comment.ParentId)
                .With("@status", comment.Status.ToString())
                .With("@created_ticks", comment.CreatedAt.Ticks())
                .With("@doc", StorageJson.Serialize(comment))
                .Run();
            tx.Apply(CommentTallies.ForNew(comment));
            if (comment.Status == CommentStatus.Published)
                TextFeed.Append(tx, TextFeed.KindOf(comment), comment.Id);
            SqliteFollowUpStore.Append(tx, wish);
            return true;
        }, ct);
    }

    public Task<Comment?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => Get(c, null, id), ct);

    public Task<IReadOnlyList<Comment>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<Comment>>(c => c.Command("SELECT doc FROM comments WHERE id IN (SELECT value FROM json_each(@ids))")
            .WithJsonArray("@ids", ids).ReadDocs<Comment>(), ct);

    public Task<Page<Comment>> ListTopLevelAsync(string consultationId, CommentStatus? status, PageRequest page, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command(status is null
                ? """
                  SELECT doc FROM comments
                  WHERE consultation_id = @consultation_id AND parent_id IS NULL AND (created_ticks, id) > (@after_ticks, @after_id)
                  ORDER BY created_ticks, id LIMIT @take
                  """
                : """
                  SELECT doc FROM comments
                  WHERE consultation_id = @consultation_id AND parent_id IS NULL AND status = @status AND (created_ticks, id) > (@after_ticks, @after_id)
                  ORDER BY created_ticks, id LIMIT @take
                  """)
            .With("@consultation_id", consultationId)
            .With("@status", status?.ToString())
            .WithPage(page)
            .ReadDocs<Comment>()
            .ToPage(page, x => PageCursor.Of(x.CreatedAt, x.Id)), ct);

    public Task<Page<Comment>> ListAwaitingReviewAsync(DateTimeOffset before, PageRequest page, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("""
                SELECT doc FROM comments
                WHERE status IN ('Held', 'Hidden') AND created_ticks < @before AND (created_ticks, id) > (@after_ticks, @after_id)
                ORDER BY created_ticks, id LIMIT @take
                """)
            .With("@before", before.Ticks())
            .WithPage(page)
            .ReadDocs<Comment>()
            .ToPage(page, x => PageCursor.Of(x.CreatedAt, x.Id)), ct);

    public Task<IReadOnlyList<Comment>> ListRepliesAsync(IReadOnlyCollection<string> parentIds, CommentStatus? status, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<Comment>>(c => c.Command(status is null
                ? """
                  SELECT doc FROM comments WHERE parent_id IN (SELECT value FROM json_each(@parent_ids))
                  ORDER BY created_ticks, id
                  """
                : """
                  SELECT doc FROM comments WHERE parent_id IN (SELECT value FROM json_each(@parent_ids)) AND status = @status
                  ORDER BY created_ticks, id
                  """)
            .WithJsonArray("@parent_ids", parentIds)
            .With("@status", status?.ToString())
            .ReadDocs<Comment>(), ct);

    public Task<CommentStatusChange?> SetStatusAsync(string commentId, CommentStatus status, DateTimeOffset at, CancellationToken ct = default) =>
        db.WriteAsync<CommentStatusChange?>(tx =>
        {
            var current = Get(tx.Connection!, tx, commentId);
            if (current is null)
                return null;
            var updated = current with { Status = status, UpdatedAt = at };
            tx.Command("UPDATE comments SET status = @status, doc = @doc WHERE id = @id")
                .With("@id", commentId)
                .With("@status", status.ToString())
                .With("@doc", StorageJson.Serialize(updated))
                .Run();
            tx.Apply(CommentTallies.ForStatusChange(current, current.Status, status));
            if (status == CommentStatus.Published && current.Status != CommentStatus.Published)
                TextFeed.Append(tx, TextFeed.KindOf(current), commentId);
            return new CommentStatusChange(updated, current.Status);
        }, ct);

    public Task<Comment?> SetTextAsync(string commentId, string text, DateTimeOffset at, CancellationToken ct = default) =>
        db.WriteAsync<Comment?>(tx =>
        {
            var current = Get(tx.Connection!, tx, commentId);
            if (current is null)
                return null;
            var updated = current with { Text = text, UpdatedAt = at };
            tx.Command("UPDATE comments SET doc = @doc WHERE id = @id")
                .With("@id", commentId)
                .With("@doc", StorageJson.Serialize(updated))
                .Run();
            // The edited text is read again; a held one is read when it is published.
            if (current.Status == CommentStatus.Published)
                TextFeed.Append(tx, TextFeed.KindOf(current), commentId);
            return updated;
        }, ct);

    public Task<Reaction?> SetReactionAsync(string commentId, string participantId, Reaction? reaction, DateTimeOffset at, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            // The write lock is held from BEGIN, so the previous reaction read here is still current at COMMIT.
            using var read = tx.Command("SELECT reaction FROM comment_reactions WHERE comment_id = @comment_id AND participant_id = @participant_id")
                .With("@comment_id", commentId)
                .With("@participant_id", participantId);
            Reaction? previous = read.ExecuteScalar() is string stored ? Enum.Parse<Reaction>(stored) : null;
            if (previous == reaction)
                return previous;

            var change = reaction is null
                ? tx.Command("DELETE FROM comment_reactions WHERE comment_id = @comment_id AND participant_id = @participant_id")
                : tx.Command("""
                    INSERT INTO comment_reactions (comment_id, participant_id, reaction, at_ticks)
                    VALUES (@comment_id, @participant_id, @reaction, @at_ticks)
                    ON CONFLICT (comment_id, participant_id) DO UPDATE SET reaction = excluded.reaction, at_ticks = excluded.at_ticks
                    """);
            change.With("@comment_id", commentId)
                .With("@participant_id", participantId)
                .With("@reaction", reaction?.ToString())
                .With("@at_ticks", at.Ticks())
                .Run();
            tx.Apply(CommentTallies.ForReaction(commentId, previous, reaction));
            return previous;
        }, ct);

    public Task<IReadOnlyDictionary<string, Reaction>> GetReactionsAsync(string participantId, IReadOnlyCollection<string> commentIds, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyDictionary<string, Reaction>>(c =>
        {
            using var command = c.Command("""
                SELECT comment_id, reaction FROM comment_reactions
                WHERE participant_id = @participant_id AND comment_id IN (SELECT value FROM json_each(@comment_ids))
                """)
                .With("@participant_id", participantId)
                .WithJsonArray("@comment_ids", commentIds);
            using var reader = command.ExecuteReader();
            var reactions = new Dictionary<string, Reaction>(StringComparer.Ordinal);
            while (reader.Read())
                reactions[reader.GetString(0)] = Enum.Parse<Reaction>(reader.GetString(1));
            return reactions;
        }, ct);

    private static Comment? Get(SqliteConnection connection, SqliteTransaction? tx, string id) =>
        connection.Command("SELECT doc FROM comments WHERE id = @id", tx).With("@id", id).ReadDoc<Comment>();
}
