using Engagement.Core.Comments;
using Engagement.Core.FollowUps;
using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>
/// Sample values with every field set, for the BSON round trips; one partial file per feature folder
/// (Samples.&lt;Feature&gt;.cs), each with a [BsonSamples] method.
/// </summary>
public static partial class Samples
{
    public static FollowUp FollowUp() => new()
    {
        Id = "f-1",
        OrganisationId = "org-1",
        Kind = ContributionKind.Comment,
        ContributionId = "c-1",
        Address = "person@example.org",
        Language = "fr",
        CreatedAt = Make.T0,
        ExpiresAt = Make.T0.AddDays(365),
    };

    [BsonSamples]
    private static IEnumerable<object> CommentsAndTallies() =>
    [
        Make.Comment("org-1", "con-1", "c-0", CommentStatus.Held, Make.T0, "p-1", "c-1") with { Text = Make.Unicode },
        Make.Comment("org-1", "con-1") with { Sentiment = new SentimentTag(SentimentLabel.Negative, 0.875f, 0.875f, 0.1f, 0.025f, "en", SentimentNote.None, "model-2026-11") },
        new ReactionDocument(new ReactionKey("c-1", "p-1"), Reaction.Disagree, Make.T0),
        new TallyDocument(new TallyKey("service-page:s-1:https://x.gc.ca/a.b", "score.4"), 42),
        new FeedEntryDocument(7, TextKind.SurveyAnswer, "r-1/q-1"),
        new CounterDocument(TextFeed.Counter, 7),
        FollowUp(),
    ];
}
