using Engagement.Core.Comments;
using Engagement.Core.Screening;
using Engagement.Storage.Mongo;
using Engagement.Storage.Sqlite;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using Collections = Engagement.Storage.Mongo.MongoSchema.Collections;

namespace Engagement.Storage.Migration;

/// <summary>One source row, by column name, as the plan's conversion reads it.</summary>
public sealed class MigrationRow(string table, IReadOnlyDictionary<string, object?> values)
{
    public string Table { get; } = table;

    public string Text(string column) => Value(column) as string
        ?? throw new FormatException($"Column '{column}' of a '{Table}' row is not text.");

    public long Integer(string column) => Value(column) is long value
        ? value
        : throw new FormatException($"Column '{column}' of a '{Table}' row is not an integer.");

    private object? Value(string column) => values.TryGetValue(column, out var value)
        ? value
        : throw new FormatException($"A '{Table}' row has no column '{column}'.");
}

/// <summary>How one source table is copied: into which collection, and how a row becomes a document with its <c>_id</c>.</summary>
public sealed record TablePlan(string Table, string Collection, Func<MigrationRow, BsonDocument> Convert)
{
    /// <summary>
    /// The documents of this table in the collection, for the final count; empty means the whole collection, which only holds
    /// when no other table copies into it (<see cref="MigrationPlan"/> refuses that otherwise).
    /// </summary>
    public BsonDocument TargetFilter { get; init; } = [];

    /// <summary>A counter the target keeps for this table's sequence, raised to the source's high-water mark after the copy.</summary>
    public CounterPlan? Counter { get; init; }
}

/// <summary>A counter document (<c>{ _id: Id, Field: n }</c>) in a collection, which the target's appends continue from.</summary>
public sealed record CounterPlan(string Collection, string Id, string Field);

/// <summary>
/// Which source tables are copied, in order, and how. Adding a table once its Mongo shape is decided is one entry in
/// <see cref="Engagement"/>; a table with rows and no entry makes the copy refuse to run, so no data is skipped silently.
/// </summary>
public sealed class MigrationPlan
{
    public MigrationPlan(IEnumerable<TablePlan> tables)
    {
        Tables = tables.ToList();
        var duplicate = Tables.GroupBy(t => t.Table, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"The plan lists table '{duplicate.Key}' twice.", nameof(tables));
        // A shared collection is counted per table only when every table in it says which documents are its own.
        var shared = Tables.GroupBy(t => t.Collection, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1 && g.Any(t => t.TargetFilter.ElementCount == 0));
        if (shared is not null)
            throw new ArgumentException(
                $"Tables {string.Join(", ", shared.Select(t => t.Table))} share collection '{shared.Key}'; each needs a TargetFilter so counts can be verified.",
                nameof(tables));
    }

    public IReadOnlyList<TablePlan> Tables { get; }

    public TablePlan? Find(string table) => Tables.FirstOrDefault(t => t.Table == table);

    /// <summary>
    /// Engagement's plan: every table whose Mongo shape is decided. Still without one (add each here once its Mongo store
    /// lands): staff_grants, participant_tokens, term_lists, comment_reports, checkpoints, insight_texts, theme_snapshots,
    /// backlog_events, outbox, email_suppressions, email_challenges, webhook_deliveries.
    /// </summary>
    public static MigrationPlan Engagement()
    {
        // The conversions go through the adapter's own class maps, so a document is exactly what its store would write.
        BsonMaps.Register();
        return new MigrationPlan(
        [
            Domain<Core.Organisations.Organisation>("organisations", Collections.Organisations),
            Domain<Core.Organisations.Service>("services", Collections.Services),
            Domain<Core.Consultations.Consultation>("consultations", Collections.Consultations),
            Domain<Comment>("comments", Collections.Comments),
            new("comment_reactions", Collections.Reactions, row => new ReactionDocument(
                new ReactionKey(row.Text("comment_id"), row.Text("participant_id")),
                Enum.Parse<Reaction>(row.Text("reaction")),
                // The table keeps UTC ticks only, so the offset the reaction was made at is gone; UTC is what every reader compares.
                new DateTimeOffset(row.Integer("at_ticks"), TimeSpan.Zero)).ToBsonDocument()),
            Domain<Core.Surveys.Survey>("surveys", Collections.Surveys),
            Domain<Core.Surveys.SurveyResponse>("survey_responses", Collections.SurveyResponses),
            Domain<Core.Ratings.ServiceRating>("ratings", Collections.Ratings),
            Domain<Core.Participants.Participant>("participants", Collections.Participants),
            new("tallies", Collections.Tallies, row =>
                new TallyDocument(new TallyKey(row.Text("scope"), row.Text("bucket")), row.Integer("count")).ToBsonDocument()),
            Domain<Core.Audit.AuditEntry>("audit_log", Collections.Audit),
            Domain<Core.Staff.StaffMember>("staff", Collections.Staff),
            Domain<Core.ApiTokens.ApiToken>("api_tokens", Collections.ApiTokens),
            Domain<Core.Widgets.WidgetKey>("widget_keys", Collections.WidgetKeys),
            Domain<Core.Moderation.ModerationItem>("moderation_items", Collections.ModerationItems),
            new("text_feed", Collections.TextFeed, row =>
                new FeedEntryDocument(row.Integer("seq"), Enum.Parse<TextKind>(row.Text("kind")), row.Text("target_id")).ToBsonDocument())
            {
                // Appends on Mongo take the counter's next value; it must start past every sequence SQLite handed out.
                Counter = new CounterPlan(Collections.Counters, Mongo.TextFeed.Counter, ElementName<CounterDocument>(nameof(CounterDocument.Value))),
            },
            Domain<Core.Insights.DriftAlert>("drift_alerts", Collections.DriftAlerts),
            Domain<Core.Backlog.BacklogItem>("backlog_items", Collections.Backlog),
            Domain<Core.FollowUps.FollowUp>("follow_ups", Collections.FollowUps),
            Domain<Core.Webhooks.WebhookEndpoint>("webhook_endpoints", Collections.WebhookEndpoints),
        ]);
    }

    /// <summary>A table of whole records: the "doc" JSON read back into the record, stored as the record's class map with its id as <c>_id</c>.</summary>
    public static TablePlan Domain<T>(string table, string collection) => new(table, collection, row =>
    {
        var document = StorageJson.Deserialize<T>(row.Text("doc")).ToBsonDocument();
        // A class map that lost the id convention would still serialize; this stops it before a document lands under another key.
        if (!document.TryGetValue("_id", out var id) || id != row.Text("id"))
            throw new FormatException($"A '{table}' row with id '{row.Text("id")}' converted to a {typeof(T).Name} document whose _id is '{id}'.");
        return document;
    });

    private static string ElementName<T>(string member) => BsonClassMap.LookupClassMap(typeof(T)).GetMemberMap(member).ElementName;
}
