using Engagement.Core.Moderation;

namespace Engagement.Storage.Sqlite;

/// <summary>Citizens' reports of comments in SQLite, one row each; the primary key keeps one per participant and comment.</summary>
public sealed class SqliteCommentReportStore(SqliteDatabase db) : ICommentReportStore
{
    // A second report by the same participant fails the primary key, and TryWriteAsync turns that into false.
    public Task<bool> TryAddAsync(CommentReport report, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => tx.Command("""
                INSERT INTO comment_reports (comment_id, participant_id, reason, at_ticks)
                VALUES (@comment_id, @participant_id, @reason, @at_ticks)
                """)
            .With("@comment_id", report.CommentId)
            .With("@participant_id", report.ParticipantId)
            .With("@reason", report.Reason.ToString())
            .With("@at_ticks", report.At.Ticks())
            .Run() == 1, ct);

    public Task<IReadOnlyDictionary<ReportReason, int>> CountAsync(string commentId, DateTimeOffset since, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyDictionary<ReportReason, int>>(c =>
        {
            using var command = c.Command("""
                SELECT reason, COUNT(*) FROM comment_reports
                WHERE comment_id = @comment_id AND at_ticks >= @since
                GROUP BY reason
                """)
                .With("@comment_id", commentId)
                .With("@since", since.Ticks());
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<ReportReason, int>();
            while (reader.Read())
                counts[Enum.Parse<ReportReason>(reader.GetString(0))] = reader.GetInt32(1);
            return counts;
        }, ct);
}
