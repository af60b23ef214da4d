using Engagement.Core.Backlog;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Email;
using Engagement.Core.FollowUps;
using Engagement.Core.Insights;
using Engagement.Core.Moderation;
using Engagement.Core.Participants;
using Engagement.Core.Screening;
using Engagement.Core.Staff;
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
/// A closed SQLite file written through the real SQLite stores with rows in every table of the schema: a record of each
/// (every field set), five comments (for batching), and what writes cause beside them (reactions, tallies, the text feed,
/// grants, tokens, events, emails, checkpoints); deleted with the object.
/// </summary>
public sealed class SeededSqlite : IDisposable
{
    private SeededSqlite(string directory, string path, IReadOnlyList<Seeded> records, int comments, string organisationId)
    {
        Directory = directory;
        Path = path;
        Records = records;
        Comments = comments;
        OrganisationId = organisationId;
    }

    public string Directory { get; }

    public string Path { get; }

    /// <summary>Every whole record written, with its table and target collection.</summary>
    public IReadOnlyList<Seeded> Records { get; }

    /// <summary>How many rows the comments table holds.</summary>
    public int Comments { get; }

    /// <summary>The organisation everything seeded belongs to.</summary>
    public string OrganisationId { get; }

    /// <summary>Writes the file.</summary>
    public static async Task<SeededSqlite> CreateAsync()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "engagement-migration-tests", Guid.NewGuid().ToString("N"));
        var path = System.IO.Path.Combine(directory, "engagement.db");
        var records = new List<Seeded>();
        var comments = 0;
        var organisationId = "";
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

            var (anonymous, verified) = (Make.Anonymous(), Make.Verified());
            foreach (var participant in new[] { anonymous, verified })
            {
                Assert.True(await stores.Participants.TryAddAsync(participant));
                Add("participants", "participants", participant.Id, participant);
            }
            // Tokens after the first: one more for the participant that has one on its row, a first one for the other.
            Assert.True(await stores.Participants.TryAddTokenAsync(anonymous.Id, ParticipantTokens.Hash(ParticipantTokens.NewToken()), Make.T0.AddDays(1)));
            Assert.True(await stores.Participants.TryAddTokenAsync(verified.Id, ParticipantTokens.Hash(ParticipantTokens.NewToken()), Make.T0.AddDays(2)));

            var audit = Make.Audit(organisation.Id);
            await stores.Audit.AppendAsync(audit);
            Add("audit_log", "auditLog", audit.Id, audit);

            // Grants in two organisations (two staff_grants rows), and two roles in one organisation (one row).
            var staff = Make.Staff(organisation.Id);
            var analyst = Make.Staff(organisation.Id) with { Grants = [new RoleGrant(organisation.Id, Role.Analyst), new RoleGrant(organisation.Id, Role.Moderator)] };
            foreach (var member in new[] { staff, analyst })
            {
                Assert.True(await stores.Staff.TryAddAsync(member));
                Add("staff", "staff", member.Id, member);
            }

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

            // A second backlog event, with an email for the outbox; the item's record is the updated one.
            var accepted = backlog with { Status = BacklogStatus.Accepted, UpdatedAt = Make.T0.AddHours(1).AddTicks(1), Version = 2 };
            Assert.True(await stores.Backlog.TryUpdateAsync(accepted, 1, BacklogWrite.Between(backlog, accepted) with { Emails = [Email("Nous avons fait « ça »")] }));
            records[records.FindIndex(r => r.Id == backlog.Id)] = new Seeded("backlog_items", "backlogItems", accepted.Id, accepted);

            // The outbox in each state: pending with a failure, sent.
            var (failing, sent) = (Email("Échec"), Email("Envoyé"));
            Assert.Equal(2, await stores.Outbox.EnqueueAsync([failing, sent], Make.T0));
            await stores.Outbox.MarkFailedAsync(failing.Id, "connection refused « 421 »", Make.T0.AddMinutes(5));
            await stores.Outbox.MarkSentAsync(sent.Id, Make.T0.AddSeconds(3));

            // The fan-out's deliveries and checkpoint; one delivery failed once, so its error and status code are set.
            var delivery = new WebhookDelivery
            {
                Id = WebhookDelivery.IdOf(1, endpoint.Id), EndpointId = endpoint.Id, OrganisationId = organisation.Id, EventSequence = 1,
                Event = "backlog.created", Payload = "{\"title\":\"" + Make.Unicode + "\"}", Status = WebhookDeliveryStatus.Pending, Attempts = 0,
                NextAttemptAt = Make.T0, CreatedAt = Make.T0,
            };
            Assert.Equal(1, await stores.Webhooks.AddDeliveriesAsync([delivery], 2));
            await stores.Webhooks.MarkFailedAsync(delivery.Id, "The receiver answered 503.", 503, Make.T0.AddMinutes(1));
            Add("webhook_deliveries", "webhookDeliveries", delivery.Id, (await stores.Webhooks.GetDeliveryAsync(delivery.Id))!);

            // A sign-in link, used, with its email.
            var challenge = new EmailChallenge
            {
                Id = Ids.New(), TokenHash = SecretTokens.Hash(SecretTokens.NewToken()), Address = $"élodie.{Ids.New()}@exemple.ca", ParticipantId = verified.Id,
                Language = "fr", CreatedAt = Make.T0, ExpiresAt = Make.T0 + EmailChallenge.Lifetime,
            };
            Assert.True(await stores.EmailChallenges.TryAddAsync(challenge, Email("Votre lien") with { Id = challenge.Id }));
            var used = await stores.EmailChallenges.ConsumeAsync(challenge.TokenHash, Make.T0.AddMinutes(1));
            Assert.True(used.Consumed);
            Add("email_challenges", "emailChallenges", challenge.Id, used.Challenge!);

            await stores.EmailSuppressions.SuppressAsync(MailingList.FollowUps, "sha256:" + Ids.New(), Make.T0);
            await stores.EmailSuppressions.SuppressAsync(MailingList.ModerationDigest, "sha256:" + Ids.New(), Make.T0.AddDays(1));

            foreach (var (kind, language, terms) in new[] { (TermListKind.Blocked, "fr", new[] { "injure", "🤬" }), (TermListKind.Suspect, "en", new[] { "scam" }) })
            {
                await stores.TermLists.SaveAsync(new TermList
                {
                    OrganisationId = organisation.Id, Kind = kind, Language = language, Terms = terms, UpdatedAt = Make.T0, UpdatedBy = "staff:" + staff.Id,
                });
            }

            Assert.True(await stores.CommentReports.TryAddAsync(new CommentReport { CommentId = first.Id, ParticipantId = anonymous.Id, Reason = ReportReason.Spam, At = Make.T0 }));
            Assert.True(await stores.CommentReports.TryAddAsync(
                new CommentReport { CommentId = first.Id, ParticipantId = verified.Id, Reason = ReportReason.PersonalInformation, At = Make.T0.AddMinutes(1) }));

            // The tagger's checkpoint and the text insights keep; the tag is the one the comment has, so its record is unchanged.
            await stores.SentimentFeed.SaveTagsAsync([(TextKind.Comment, first.Id, first.Sentiment!)], 3);

            var snapshot = new ThemeSnapshot
            {
                OrganisationId = organisation.Id, RefreshedAt = Make.T0, Watermark = 3, TextsRead = 1,
                Themes =
                [
                    new ThemeSummary("th_1", "fr", ["déneigement", "trottoirs"], 1, [new ThemeQuote(TextKind.Comment, first.Id, Make.Unicode)])
                    {
                        CountsByScope = new Dictionary<string, int> { ["consultation:" + consultation.Id] = 1 },
                    },
                ],
                ThemeOfText = new Dictionary<string, string> { ["Comment:" + first.Id] = "th_1" },
            };
            await stores.Themes.SaveAsync(snapshot);
            Add("theme_snapshots", "themeSnapshots", organisation.Id, snapshot);
            organisationId = organisation.Id;
        }

        return new SeededSqlite(directory, path, records, comments, organisationId);
    }

    private static EmailMessage Email(string subject) => new(Ids.New(), "résident@example.org", "Résident", subject,
        "Texte « brut »", "<p>Texte</p>", "fr", "https://engagement.example.org/unsubscribe/abc", Make.T0);

    /// <summary>Every table of the file's schema, read from sqlite_master as the copy lists them.</summary>
    public static IReadOnlyList<string> Tables(string path)
    {
        using var source = SqliteMigrationSource.Open(path);
        return source.ListTablesAsync(CancellationToken.None).GetAwaiter().GetResult();
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
