using Engagement.Core.Comments;
using Engagement.Core.Consultations;
using Engagement.Core.Email;
using Engagement.Core.Insights;
using Engagement.Core.Organisations;
using Engagement.Core.Participants;
using Engagement.Core.Ratings;
using Engagement.Core.Surveys;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>Organisations, consultations, surveys, ratings and participants, with fixed ids so rendered documents stay stable.</summary>
public static partial class Samples
{
    private static readonly SentimentTag Sentiment = new(SentimentLabel.Positive, 0.75f, 0.125f, 0.125f, 0.75f, "fr", SentimentNote.None, "model-2026-11");

    public static Organisation Organisation() => Make.Organisation("org-slug") with { Id = "org-1" };

    public static Service Service() => Make.Service("org-1", "passports") with { Id = "s-1" };

    public static Consultation Consultation() => Make.Consultation("org-1", "parks", status: ConsultationStatus.Open) with { Id = "con-1" };

    public static Survey Survey() => Make.Survey("org-1", "visit", status: SurveyStatus.Open) with { Id = "srv-1", ConsultationId = "con-1" };

    public static SurveyResponse Response() => Make.Response("org-1", "srv-1", "p-1") with
    {
        Id = "r-1",
        Sentiments = new Dictionary<string, SentimentTag> { ["note"] = Sentiment },
    };

    public static ServiceRating Rating() => Make.Rating("org-1", "s-1", 2, id: "rt-1") with
    {
        ParticipantId = "p-1",
        CommentStatus = CommentStatus.Published,
        CommentSentiment = Sentiment,
        WidgetKeyId = "wk-1",
    };

    public static Participant Participant() => Make.Verified("person@example.org") with { Id = "p-1", TokenHash = new string('a', 64) };

    public static EmailChallenge Challenge() => new()
    {
        Id = "ch-1",
        TokenHash = new string('b', 64),
        Address = "élodie@exemple.ca",
        ParticipantId = "p-1",
        Language = "fr",
        CreatedAt = Make.T0,
        ExpiresAt = Make.T0 + EmailChallenge.Lifetime,
        UsedAt = Make.T0.AddMinutes(3),
    };

    public static EmailMessage SignInEmail() => new("m-2", "élodie@exemple.ca", "Élodie O'Brien", "Votre lien « de connexion »", Make.Unicode, "<p>Texte</p>", "fr",
        "https://engagement.example.org/fr/unsubscribe?token=abc", Make.T0);

    [BsonSamples]
    private static IEnumerable<object> Citizen() =>
    [
        Organisation(),
        Service(),
        Consultation(),
        Survey(),
        Response(),
        Response() with { Answers = new Dictionary<string, Answer> { ["$where"] = Answer.OfText("{\"$ne\": null}"), ["a.b"] = Answer.Choice("$gt", "x.y") } },
        Rating(),
        Participant(),
        new ParticipantTokenDocument(new string('c', 64), "p-1", Make.T0),
        Challenge(),
        new OutboxDocument("m-2", SignInEmail(), OutboxStatus.Failed, 3, Make.T0.AddMinutes(10), "550 mailbox unavailable « non »", Make.T0.AddMinutes(1)),
    ];
}
