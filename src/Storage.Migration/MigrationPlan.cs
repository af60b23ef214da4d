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

    /// <summary>The column's text, or null when the column holds NULL.</summary>
    public string? OptionalText(string column) => Value(column) switch
    {
        null => null,
        string text => text,
        _ => throw new FormatException($"Column '{column}' of a '{Table}' row is neither text nor NULL."),
    };

    public long Integer(string column) => Value(column) is long value
        ? value
        : throw new FormatException($"Column '{column}' of a '{Table}' row is not an integer.");

    private object? Value(string column) => values.TryGetValue(column, out var value)
        ? value
        : throw new FormatException($"A '{Table}' row has no column '{column}'.");
}

/// <summary>What the plan says about one source table: copied into a collection, or derived there from another table's copy.</summary>
public abstract record PlanEntry(string Table, string Collection);

/// <summary>How one source table is copied: into which collection, and how a row becomes a document with its <c>_id</c>.</summary>
public sealed record TablePlan(string Table, string Collection, Func<MigrationRow, BsonDocument> Convert) : PlanEntry(Table, Collection)
{
    /// <summary>
    /// The documents of this table in the collection, for the final count; empty means the whole collection, which only holds
    /// when no other table copies into it (<see cref="MigrationPlan"/> refuses that otherwise).
    /// </summary>
    public BsonDocument TargetFilter { get; init; } = [];

    /// <summary>A counter the target keeps for this table's sequence, raised to the source's high-water mark after the copy.</summary>
    public CounterPlan? Counter { get; init; }

    /// <summary>
    /// The rows to read when they are not just the table's own (null): the table's and another table's whose documents
    /// belong in this collection too, so one entry reads, checkpoints and counts them all.
    /// </summary>
    public SourceQuery? Query { get; init; }
}

/// <summary>
/// Rows read in place of a table's own: the rows of every arm together, in the order of <paramref name="Keys"/> (columns
/// every arm's table has under those names, and which identify a row across all arms); <paramref name="Note"/> says for the
/// summary what is read beyond the table.
/// </summary>
public sealed record SourceQuery(IReadOnlyList<SourceArm> Arms, IReadOnlyList<string> Keys, string Note);

/// <summary>
/// One table's part of a <see cref="SourceQuery"/>: the SQL select list (the same column names, in the same order, in
/// every arm) and an optional condition on its rows.
/// </summary>
public sealed record SourceArm(string Table, string Columns, string? Where = null);

/// <summary>
/// A table the target needs no copy of, because its store rebuilds the same facts from documents of another collection
/// (<see cref="PlanEntry.Collection"/>). Nothing is copied; the table's row count is compared with
/// <see cref="Count"/> summed over that collection's documents (read with <see cref="Projection"/>), so its data is
/// verified like a copied table's and never skipped silently.
/// </summary>
public sealed record DerivedPlan(string Table, string Collection, string Note, BsonDocument Projection, Func<BsonDocument, long> Count)
    : PlanEntry(Table, Collection);

/// <summary>A counter document (<c>{ _id: Id, Field: n }</c>) in a collection, which the target's appends continue from.</summary>
public sealed record CounterPlan(string Collection, string Id, string Field);

/// <summary>
/// Which source tables are copied, in order, and how, and which are derived. A table with rows and no entry makes the copy
/// refuse to run, so a table added to the SQLite schema without an entry here never has its data skipped silently.
/// </summary>
public sealed class MigrationPlan
{
    public MigrationPlan(IEnumerable<PlanEntry> entries)
    {
        Entries = entries.ToList();
        var duplicate = Entries.GroupBy(t => t.Table, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"The plan lists table '{duplicate.Key}' twice.", nameof(entries));
        Tables = Entries.OfType<TablePlan>().ToList();
        // A shared collection is counted per table only when every table in it says which documents are its own.
        var shared = Tables.GroupBy(t => t.Collection, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1 && g.Any(t => t.TargetFilter.ElementCount == 0));
        if (shared is not null)
            throw new ArgumentException(
                $"Tables {string.Join(", ", shared.Select(t => t.Table))} share collection '{shared.Key}'; each needs a TargetFilter so counts can be verified.",
                nameof(entries));
    }

    /// <summary>Every entry in plan order: the order of the copy and of the summary.</summary>
    public IReadOnlyList<PlanEntry> Entries { get; }

    /// <summary>The entries that copy rows.</summary>
    public IReadOnlyList<TablePlan> Tables { get; }

    public PlanEntry? Find(string table) => Entries.FirstOrDefault(t => t.Table == table);

    /// <summary>Engagement's plan: an entry for every table of the SQLite schema.</summary>
    public static MigrationPlan Engagement()
    {
        // The conversions go through the adapter's own class maps and document records, so a document is exactly what its store would write.
        BsonMaps.Register();
        var counterValue = ElementName<CounterDocument>(nameof(CounterDocument.Value));
        return new MigrationPlan(
        [
            Domain<Core.Organisations.Organisation>("organisations", Collections.Organisations),
            Domain<Core.Organisations.Service>("services", Collections.Services),
            Domain<Core.Consultations.Consultation>("consultations", Collections.Consultations),
            Domain<Comment>("comments", Collections.Comments),
            new TablePlan("comment_reactions", Collections.Reactions, row => new ReactionDocument(
                new ReactionKey(row.Text("comment_id"), row.Text("participant_id")),
                Enum.Parse<Reaction>(row.Text("reaction")),
                // The table keeps UTC ticks only, so the offset the reaction was made at is gone; UTC is what every reader compares.
                new DateTimeOffset(row.Integer("at_ticks"), TimeSpan.Zero)).ToBsonDocument()),
            Domain<Core.Surveys.Survey>("surveys", Collections.Surveys),
            Domain<Core.Surveys.SurveyResponse>("survey_responses", Collections.SurveyResponses),
            Domain<Core.Ratings.ServiceRating>("ratings", Collections.Ratings),
            Domain<Core.Participants.Participant>("participants", Collections.Participants),
            ParticipantTokens(),
            new TablePlan("tallies", Collections.Tallies, row =>
                new TallyDocument(new TallyKey(row.Text("scope"), row.Text("bucket")), row.Integer("count")).ToBsonDocument()),
            Domain<Core.Audit.AuditEntry>("audit_log", Collections.Audit),
            Domain<Core.Staff.StaffMember>("staff", Collections.Staff),
            StaffGrants(),
            Domain<Core.ApiTokens.ApiToken>("api_tokens", Collections.ApiTokens),
            Domain<Core.Widgets.WidgetKey>("widget_keys", Collections.WidgetKeys),
            TermLists(),
            Domain<Core.Moderation.ModerationItem>("moderation_items", Collections.ModerationItems),
            new TablePlan("comment_reports", Collections.CommentReports, row => MongoCommentReportStore.Queries.Document(new Core.Moderation.CommentReport
            {
                CommentId = row.Text("comment_id"),
                ParticipantId = row.Text("participant_id"),
                Reason = Enum.Parse<Core.Moderation.ReportReason>(row.Text("reason")),
                // UTC ticks only, as for reactions: the offset is gone, the instant is exact.
                At = new DateTimeOffset(row.Integer("at_ticks"), TimeSpan.Zero),
            }).ToBsonDocument()),
            new TablePlan("text_feed", Collections.TextFeed, row =>
                new FeedEntryDocument(row.Integer("seq"), Enum.Parse<TextKind>(row.Text("kind")), row.Text("target_id")).ToBsonDocument())
            {
                // Appends on Mongo take the counter's next value; it must start past every sequence SQLite handed out.
                Counter = new CounterPlan(Collections.Counters, Mongo.TextFeed.Counter, counterValue),
            },
            new TablePlan("checkpoints", Collections.Checkpoints, Checkpoint),
            new TablePlan("insight_texts", Collections.InsightTexts, row =>
            {
                var kind = Enum.Parse<TextKind>(row.Text("kind"));
                var targetId = row.Text("target_id");
                // The Mongo tagger stores the written instant in UTC, which is all the table keeps: nothing is lost here.
                var at = new DateTimeOffset(row.Integer("at_ticks"), TimeSpan.Zero);
                var text = new Core.Insights.PublicText(kind, targetId, row.Text("organisation_id"), row.Text("scope"), row.Text("language"),
                    row.Text("text"), Enum.Parse<Core.Insights.SentimentLabel>(row.Text("label")), at);
                return new InsightTextDocument(text.Key, text.Kind, text.TargetId, text.OrganisationId, text.Scope, text.Language, text.Text, text.Label,
                    text.At, row.Integer("changed")).ToBsonDocument();
            }),
            Domain<Core.Insights.ThemeSnapshot>("theme_snapshots", Collections.Themes, idColumn: "organisation_id"),
            Domain<Core.Insights.DriftAlert>("drift_alerts", Collections.DriftAlerts),
            Domain<Core.Backlog.BacklogItem>("backlog_items", Collections.Backlog),
            new TablePlan("backlog_events", Collections.BacklogEvents, row =>
            {
                // The sequence lives in its column only (the JSON holds 0), as the SQLite store reads it back.
                var evt = StorageJson.Deserialize<Core.Backlog.BacklogEvent>(row.Text("doc")) with { Sequence = row.Integer("sequence") };
                return new BacklogEventDocument(evt.Sequence, evt.Kind, evt.PreviousStatus, evt.Item, evt.At).ToBsonDocument();
            })
            {
                // The next backlog write on Mongo takes the counter's next value: it must come after every copied event.
                Counter = new CounterPlan(Collections.Counters, MongoBacklogStore.EventCounter, counterValue),
            },
            new TablePlan("outbox", Collections.Outbox, row =>
            {
                var entry = StorageJson.Deserialize<Core.Email.OutboxEntry>(row.Text("doc"));
                if (entry.Message.Id != row.Text("id"))
                    throw new FormatException($"An outbox row with id '{row.Text("id")}' holds message '{entry.Message.Id}'.");
                return new OutboxDocument(entry.Message.Id, entry.Message, entry.Status, entry.Attempts, entry.NextAttemptAt, entry.LastError, entry.SentAt)
                    .ToBsonDocument();
            }),
            Domain<Core.FollowUps.FollowUp>("follow_ups", Collections.FollowUps),
            new TablePlan("email_suppressions", Collections.EmailSuppressions, row => new SuppressionDocument(
                new SuppressionKey(Enum.Parse<Core.Email.MailingList>(row.Text("list")), row.Text("address_hash")),
                // UTC ticks only: the first suppression's instant is exact, its offset gone.
                new DateTimeOffset(row.Integer("at_ticks"), TimeSpan.Zero)).ToBsonDocument()),
            Domain<Core.Participants.EmailChallenge>("email_challenges", Collections.EmailChallenges),
            Domain<Core.Webhooks.WebhookEndpoint>("webhook_endpoints", Collections.WebhookEndpoints),
            Domain<Core.Webhooks.WebhookDelivery>("webhook_deliveries", Collections.WebhookDeliveries),
        ]);
    }

    /// <summary>
    /// A table of whole records: the "doc" JSON read back into the record, stored as the record's class map with the
    /// <paramref name="idColumn"/> value as <c>_id</c>.
    /// </summary>
    public static TablePlan Domain<T>(string table, string collection, string idColumn = "id") => new(table, collection, row =>
    {
        var document = StorageJson.Deserialize<T>(row.Text("doc")).ToBsonDocument();
        // A class map that lost the id convention would still serialize; this stops it before a document lands under another key.
        if (!document.TryGetValue("_id", out var id) || id != row.Text(idColumn))
            throw new FormatException($"A '{table}' row with {idColumn} '{row.Text(idColumn)}' converted to a {typeof(T).Name} document whose _id is '{id}'.");
        return document;
    });

    // The Mongo participant store claims every token hash in participantTokens, the first one (which SQLite keeps on the
    // participants row) with the participant's creation instant, later ones with theirs. Reading both in one query keeps
    // them one entry: one checkpoint, and a count of the whole collection that must equal both tables' tokens together.
    private static TablePlan ParticipantTokens() => new("participant_tokens", Collections.ParticipantTokens, row =>
    {
        var hash = row.Text("token_hash");
        if (row.OptionalText("participant") is { } json)
        {
            var participant = StorageJson.Deserialize<Core.Participants.Participant>(json);
            return new ParticipantTokenDocument(hash, participant.Id, participant.CreatedAt).ToBsonDocument();
        }
        // Added tokens keep UTC ticks only: the instant is exact, the offset it was given at is gone.
        return new ParticipantTokenDocument(hash, row.Text("participant_id"), new DateTimeOffset(row.Integer("created_ticks"), TimeSpan.Zero)).ToBsonDocument();
    })
    {
        Query = new SourceQuery(
            [
                new SourceArm("participant_tokens", "token_hash, participant_id, created_ticks, NULL AS participant"),
                new SourceArm("participants", "token_hash, id AS participant_id, NULL AS created_ticks, doc AS participant", "token_hash IS NOT NULL"),
            ],
            ["token_hash"],
            "with each participant's first token from participants.token_hash"),
    };

    // SQLite keeps one staff_grants row per organisation a member holds any grant in, only to list an organisation's staff;
    // the Mongo staff store answers that from the grants inside each staff document, which the staff entry copies whole.
    private static DerivedPlan StaffGrants()
    {
        var grants = ElementName<Core.Staff.StaffMember>(nameof(Core.Staff.StaffMember.Grants));
        var organisation = ElementName<Core.Staff.RoleGrant>(nameof(Core.Staff.RoleGrant.OrganisationId));
        return new DerivedPlan("staff_grants", Collections.Staff, "derived: the organisations of each staff document's grants",
            new BsonDocument($"{grants}.{organisation}", 1),
            staff => staff.TryGetValue(grants, out var list) && list is BsonArray array
                ? array.Select(g => g[organisation]).Distinct().LongCount()
                : 0);
    }

    // The Mongo store finds a list by organisation, kind and language (a unique index) and never reads its _id, which the
    // server would make up on insert. The copy needs an _id that is the same on every run, so a rerun replaces rather than
    // duplicates: the three key fields themselves, as the document spells them.
    private static TablePlan TermLists() => new("term_lists", Collections.TermLists, row =>
    {
        var document = StorageJson.Deserialize<Core.Moderation.TermList>(row.Text("doc")).ToBsonDocument();
        var key = new BsonDocument();
        foreach (var member in new[] { nameof(Core.Moderation.TermList.OrganisationId), nameof(Core.Moderation.TermList.Kind), nameof(Core.Moderation.TermList.Language) })
        {
            var name = ElementName<Core.Moderation.TermList>(member);
            key[name] = document[name];
        }
        if (key[0] != row.Text("organisation_id") || key[1] != row.Text("kind") || key[2] != row.Text("language"))
            throw new FormatException($"A 'term_lists' row keyed ({row.Text("organisation_id")}, {row.Text("kind")}, {row.Text("language")}) holds the list {key}.");
        document.InsertAt(0, new BsonElement("_id", key));
        return document;
    });

    // Each background job's position goes to the document its Mongo store reads; both are { _id: name, value }, but
    // each is built through its own record so a change to either store's shape shows up here.
    private static BsonDocument Checkpoint(MigrationRow row)
    {
        var name = row.Text("name");
        var value = row.Integer("value");
        return name switch
        {
            MongoSentimentFeed.Checkpoint => new SentimentCheckpointDocument(name, value).ToBsonDocument(),
            MongoWebhookStore.FanOut => new FanOutCheckpointDocument(name, value).ToBsonDocument(),
            _ => throw new FormatException(
                $"The checkpoint '{name}' belongs to no job this build knows ('{MongoSentimentFeed.Checkpoint}', '{MongoWebhookStore.FanOut}'), so no Mongo store would read it."),
        };
    }

    private static string ElementName<T>(string member) => BsonClassMap.LookupClassMap(typeof(T)).GetMemberMap(member).ElementName;
}
