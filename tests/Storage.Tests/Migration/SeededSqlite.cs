using Engagement.Core.Backlog;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.FollowUps;
using Engagement.Core.Insights;
using Engagement.Core.Webhooks;
using Engagement.Storage.Migration;
using Engagement.Storage.Sqlite;
using Engagement.Storage.Tests.Contract;
using Engagement.Storage.Tests.Sqlite;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Tests.Migration;

/// <summary>One record written through the SQLite stores, and where the copy must put it.</summary>
public sealed record Seeded(string Table, string Collection, string Id, object Record);

/// <summary>
/// A closed SQLite file written through the real SQLite stores, with a record of every planned table (every field set),
/// five comments (for batching), reactions, tallies and the text feed they cause; deleted with the object.
/// </summary>
public sealed class SeededSqlite : IDisposable
{
    private SeededSqlite(string directory, string path, IReadOnlyList<Seeded> records, int comments)
    {
        Directory = directory;
        Path = path;
        Records = records;
        Comments = comments;
    }

    public string Directory { get; }

    public string Path { get; }

    /// <summary>Every whole record written, with its table and target collection.</summary>
    public IReadOnlyList<Seeded> Records { get; }

    /// <summary>How many rows the comments table holds.</summary>
    public int Comments { get; }

    /// <summary>
    /// Writes the file. Stores also fill tables no plan covers yet (a staff member's grants, a backlog item's event); unless
    /// <paramref name="keepUnplannedRows"/>, those rows are deleted afterwards so the copy runs; the refusal tests keep them.
    /// </summary>
    public static async Task<SeededSqlite> CreateAsync(bool keepUnplannedRows = false)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "engagement-migration-tests", Guid.NewGuid().ToString("N"));
        var path = System.IO.Path.Combine(directory, "engagement.db");
        var records = new List<Seeded>();
        var comments = 0;
        using (var db = new SqliteDatabase(path))
        {
            await db.InitializeAsync();
            var stores = SqliteFixture.For(db);
            void Add(string table, string collection, string id, object record) => records.Add(new Seeded(table, collection, id, record));

            var organisation = Make.Organisation();
            Assert.True(await stores.Organisations.TryAddAsync(organisation));
            Add("organisations", "organisations", organisation.Id, organisation);

            var service = Make.Service(organisation.Id);
            Assert.True(await stores.Services.TryAddAsync(service));
            Add("services", "services", service.Id, service);

            var consultation = Make.Consultation(organisation.Id, status: Core.Consultations.ConsultationStatus.Open);
            Assert.True(await stores.Consultations.TryAddAsync(consultation));
            Add("consultations", "consultations", consultation.Id, consultation);

            var first = Make.Comment(organisation.Id, consultation.Id, createdAt: Make.T0) with
            {
                Sentiment = new SentimentTag(SentimentLabel.Negative, 0.875f, 0.875f, 0.1f, 0.025f, "fr", SentimentNote.None, "model-2026-11"),
            };
            var followUp = new FollowUp
            {
                Id = Ids.New(), OrganisationId = organisation.Id, Kind = ContributionKind.Comment, ContributionId = first.Id,
                Address = "résident+suivi@example.org", Language = "fr", CreatedAt = Make.T0, ExpiresAt = Make.T0.AddDays(365).AddTicks(3),
            };
            Comment[] written =
            [
                first,
                Make.Comment(organisation.Id, consultation.Id, parentId: first.Id, createdAt: Make.T0.AddMinutes(1)),
                Make.Comment(organisation.Id, consultation.Id, status: CommentStatus.Held, createdAt: Make.T0.AddMinutes(2)),
                Make.Comment(organisation.Id, consultation.Id, status: CommentStatus.Hidden, createdAt: Make.T0.AddMinutes(3)),
                Make.Comment(organisation.Id, consultation.Id, createdAt: Make.T0.AddMinutes(4)),
            ];
            foreach (var comment in written)
            {
                Assert.True(await stores.Comments.TryAddAsync(comment, comment == first ? followUp : null));
                Add("comments", "comments", comment.Id, comment);
            }
            comments = written.Length;
            Add("follow_ups", "followUps", followUp.Id, followUp);
            await stores.Comments.SetReactionAsync(first.Id, Ids.New(), Reaction.Agree, Make.T0);
            await stores.Comments.SetReactionAsync(first.Id, Ids.New(), Reaction.Disagree, Make.T0.AddSeconds(1));

            var survey = Make.Survey(organisation.Id, status: Core.Surveys.SurveyStatus.Open);
            Assert.True(await stores.Surveys.TryAddAsync(survey));
            Add("surveys", "surveys", survey.Id, survey);
            var response = Make.Response(organisation.Id, survey.Id);
            Assert.True(await stores.SurveyResponses.TryAddAsync(response));
            Add("survey_responses", "surveyResponses", response.Id, response);

            var rating = Make.Rating(organisation.Id, service.Id) with { CommentStatus = CommentStatus.Published };
            Assert.True(await stores.Ratings.TryAddAsync(rating));
            Add("ratings", "ratings", rating.Id, rating);

            foreach (var participant in new[] { Make.Anonymous(), Make.Verified() })
            {
                Assert.True(await stores.Participants.TryAddAsync(participant));
                Add("participants", "participants", participant.Id, participant);
            }

            var audit = Make.Audit(organisation.Id);
            await stores.Audit.AppendAsync(audit);
            Add("audit_log", "auditLog", audit.Id, audit);

            var staff = Make.Staff(organisation.Id);
            Assert.True(await stores.Staff.TryAddAsync(staff));
            Add("staff", "staff", staff.Id, staff);

            var token = Make.ApiToken(organisation.Id);
            Assert.True(await stores.ApiTokens.TryAddAsync(token));
            Add("api_tokens", "apiTokens", token.Id, token);

            var key = Make.WidgetKey(organisation.Id, service.Id);
            Assert.True(await stores.WidgetKeys.TryAddAsync(key));
            Add("widget_keys", "widgetKeys", key.Id, key);

            var item = Make.ModerationItem(organisation.Id);
            Assert.True(await stores.ModerationItems.TryAddAsync(item));
            Add("moderation_items", "moderationItems", item.Id, item);

            var alert = new DriftAlert
            {
                Id = Ids.New(), OrganisationId = organisation.Id, Subject = DriftSubject.Service, SubjectId = service.Id, Metric = DriftMetric.NegativeShare,
                Day = new DateOnly(2025, 3, 14), Observed = 0.61, Baseline = 0.32, Z = 3.5, RecentCount = 57, RaisedAt = Make.T0,
            };
            Assert.True(await stores.DriftAlerts.TryAddAsync(alert, []));
            Add("drift_alerts", "driftAlerts", alert.Id, alert);

            var backlog = new BacklogItem
            {
                Id = Ids.New(), OrganisationId = organisation.Id, Title = "Plough the side streets " + Make.Unicode, Description = "Residents ask for it.",
                ServiceId = service.Id, Status = BacklogStatus.Proposed, CreatedAt = Make.T0, UpdatedAt = Make.T0, Version = 1,
                Priority = new PriorityExplanation(3, 2.5, 0.667, 1_200, 27.4, Make.T0),
                Evidence =
                [
                    new Evidence { Kind = EvidenceKind.Comment, TargetId = first.Id, Weight = 1, NegativeShare = 1, Excerpt = Make.Unicode, At = Make.T0, AddedBy = "staff:a" },
                    new Evidence { Kind = EvidenceKind.Theme, TargetId = "th_1", Weight = 2, At = Make.T0, AddedBy = "staff:a" },
                ],
            };
            Assert.True(await stores.Backlog.TryAddAsync(backlog, new BacklogWrite(BacklogEventKind.Created)));
            Add("backlog_items", "backlogItems", backlog.Id, backlog);

            var endpoint = new WebhookEndpoint
            {
                Id = Ids.New(), OrganisationId = organisation.Id, Url = "https://tracker.example.org/hooks/engagement?q=été", Secret = WebhookEndpoint.NewSecret(),
                Events = [BacklogEventKind.Created, BacklogEventKind.StatusChanged], Enabled = true, Description = "Mirror " + Make.Unicode,
                CreatedAt = Make.T0, UpdatedAt = Make.T0.AddTicks(1), Version = 1,
            };
            Assert.True(await stores.Webhooks.TryAddEndpointAsync(endpoint));
            Add("webhook_endpoints", "webhookEndpoints", endpoint.Id, endpoint);
        }

        if (!keepUnplannedRows)
            Execute(path, string.Concat(UnplannedTables(path).Select(t => $"DELETE FROM \"{t}\";")));
        return new SeededSqlite(directory, path, records, comments);
    }

    /// <summary>The file's tables the default plan does not copy.</summary>
    public static IReadOnlyList<string> UnplannedTables(string path)
    {
        var plan = MigrationPlan.Engagement();
        using var source = SqliteMigrationSource.Open(path);
        return source.ListTablesAsync(CancellationToken.None).GetAwaiter().GetResult().Where(t => plan.Find(t) is null).ToList();
    }

    /// <summary>Runs SQL on the file through a connection of its own (the tests' way to break a file on purpose).</summary>
    public static void Execute(string path, string sql)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
