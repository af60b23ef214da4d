using Engagement.Core.Backlog;
using Engagement.Core.Email;
using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>Samples of the insights, backlog and email documents, every field set, user text in keys and values.</summary>
public static partial class Samples
{
    public static SentimentTag Tag() => new(SentimentLabel.Negative, 0.875f, 0.875f, 0.1f, 0.025f, "fr", SentimentNote.Truncated, "model-2026-11");

    public static EmailMessage Email() => new("m-1", "person@example.org", "Élodie « Q » O'Brien", "Vous avez dit " + Make.Unicode, "Plain " + Make.Unicode,
        "<p>Html</p>", "fr", "https://engage.example.org/fr/unsubscribe?token=t", Make.T0);

    public static ThemeSnapshot ThemeSnapshot() => new()
    {
        OrganisationId = "org-1",
        RefreshedAt = Make.T0,
        Watermark = 42,
        TextsRead = 3,
        Themes =
        [
            new ThemeSummary("th_1", "fr", ["déneigement", "$where", "a.b"], 2, [new ThemeQuote(TextKind.SurveyAnswer, "r-1/q-1", Make.Unicode)])
            {
                NegativeShare = 0.5,
                CountsByScope = new Dictionary<string, int> { ["consultation:c-1"] = 1, ["$ne"] = 1, ["a.b"] = 0 },
            },
        ],
        ThemeOfText = new Dictionary<string, string> { ["Comment:c-1"] = "th_1", ["SurveyAnswer:r-1/q.1"] = "th_1", ["$where"] = "th_1" },
    };

    public static DriftAlert DriftAlert() => new()
    {
        Id = "da-1", OrganisationId = "org-1", Subject = DriftSubject.Theme, SubjectId = "th_1", Metric = DriftMetric.Volume, Day = new DateOnly(2025, 3, 14),
        Observed = 12.5, Baseline = 4.25, Z = -3.75, RecentCount = 57, RaisedAt = Make.T0,
    };

    public static BacklogItem BacklogItem() => new()
    {
        Id = "b-1",
        OrganisationId = "org-1",
        Title = "Plough the side streets " + Make.Unicode,
        Description = "Residents ask for it. {\"$where\": \"sleep(1)\"}",
        ServiceId = "s-1",
        ConsultationId = "con-1",
        OwnerId = "staff-1",
        Status = BacklogStatus.Shipped,
        PublicNote = "Done: « déneigé »",
        Evidence =
        [
            new Evidence { Kind = EvidenceKind.SurveyAnswer, TargetId = "r-1/q-1", Weight = 1, NegativeShare = 1, Excerpt = Make.Unicode, At = Make.T0, AddedBy = "staff:a" },
        ],
        Priority = new PriorityExplanation(3, 2.5, 0.667, 1_200, 27.4, Make.T0.AddMinutes(1)),
        MergedInto = "b-0",
        CreatedAt = Make.T0,
        UpdatedAt = Make.T0.AddDays(1),
        ShippedAt = Make.T0.AddDays(2),
        Version = 3,
    };

    [BsonSamples]
    private static IEnumerable<object> InsightsBacklogAndEmail() =>
    [
        new SentimentCheckpointDocument("sentiment", 1234),
        new InsightTextDocument("SurveyAnswer:r-1/q-1", TextKind.SurveyAnswer, "r-1/q-1", "org-1", "survey:sv-1", "fr", Make.Unicode, SentimentLabel.Positive, Make.T0, 17),
        ThemeSnapshot(),
        DriftAlert(),
        BacklogItem(),
        new BacklogEventDocument(9, BacklogEventKind.StatusChanged, BacklogStatus.InProgress, BacklogItem(), Make.T0.AddDays(1)),
        new OutboxDocument("m-1", Email(), OutboxStatus.Pending, 2, Make.T0.AddMinutes(5), "421 try later", Make.T0.AddMinutes(1)),
        new SuppressionDocument(new SuppressionKey(MailingList.DriftAlerts, "hash-1"), Make.T0),
    ];
}
