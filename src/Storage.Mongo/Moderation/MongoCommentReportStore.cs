using Engagement.Core.Moderation;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>One participant's report of one comment; the id is the pair, which is what makes it one per participant per comment.</summary>
internal sealed record CommentReportDocument(CommentReportKey Id, ReportReason Reason, DateTimeOffset At);

/// <summary>A report's identity: the comment and the participant.</summary>
internal sealed record CommentReportKey(string CommentId, string ParticipantId);

/// <summary>Citizens' reports of comments in MongoDB, one document each, counted by reason in the database.</summary>
public sealed class MongoCommentReportStore(MongoStorage db) : ICommentReportStore
{
    private const string At = "at";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.CommentReports, "comment_at", new BsonDocument { { "_id.commentId", 1 }, { Instant.TicksOf(At), 1 } }),
    ];

    private readonly IMongoCollection<CommentReportDocument> _reports = db.Collection<CommentReportDocument>(MongoSchema.Collections.CommentReports);

    // A second report by the same participant has the same _id, whatever its reason or time; of concurrent ones the
    // server's unique _id keeps exactly one.
    public Task<bool> TryAddAsync(CommentReport report, CancellationToken ct = default) =>
        DuplicateKeys.TryInsertAsync(_reports, Queries.Document(report), ct);

    public async Task<IReadOnlyDictionary<ReportReason, int>> CountAsync(string commentId, DateTimeOffset since, CancellationToken ct = default)
    {
        var counted = await _reports.Aggregate(Queries.CountByReason(commentId, since), cancellationToken: ct).ToListAsync(ct);
        return counted.ToDictionary(x => Enum.Parse<ReportReason>(x["_id"].AsString), x => x["count"].ToInt32());
    }

    /// <summary>Every document and pipeline this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        public static CommentReportDocument Document(CommentReport report) =>
            new(new CommentReportKey(report.CommentId, report.ParticipantId), report.Reason, report.At);

        /// <summary>The comment's reports from the instant on (compared as UTC ticks), counted per reason by the server.</summary>
        public static PipelineDefinition<CommentReportDocument, BsonDocument> CountByReason(string commentId, DateTimeOffset since)
        {
            var f = Builders<CommentReportDocument>.Filter;
            return new EmptyPipelineDefinition<CommentReportDocument>()
                .Match(f.Eq("_id.commentId", commentId) & f.Gte(Instant.TicksOf(At), since.UtcTicks))
                .Group<CommentReportDocument, CommentReportDocument, BsonDocument>(new BsonDocument { { "_id", "$reason" }, { "count", new BsonDocument("$sum", 1) } });
        }
    }
}
