using Engagement.Core.Comments;
using Engagement.Core.Insights;
using Engagement.Core.Ratings;
using Engagement.Core.Screening;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>
/// What the Mongo sentiment feed decides from the records it read, without a server: which feed entries are still public,
/// and what a batch of tags writes and how it moves the tallies.
/// </summary>
public sealed class SentimentFeedPlanTests
{
    private static readonly SentimentTag Negative = Samples.Tag();
    private static readonly SentimentTag Positive = Samples.Tag() with { Label = SentimentLabel.Positive };
    private static readonly string NegativeBucket = SentimentTallies.Bucket(SentimentLabel.Negative);
    private static readonly string PositiveBucket = SentimentTallies.Bucket(SentimentLabel.Positive);

    private static Dictionary<string, T> ById<T>(Func<T, string> id, params T[] records) => records.ToDictionary(id, StringComparer.Ordinal);

    private static Dictionary<(string Scope, string Bucket), long> Moves(MongoSentimentFeed.TagWrites writes) =>
        writes.Tallies.Changes.ToDictionary(c => (c.Scope, c.Bucket), c => c.Delta);

    [Fact]
    public void Only_texts_still_public_are_listed_in_feed_order()
    {
        var published = Make.Comment("org-1", "con-1");
        var hidden = Make.Comment("org-1", "con-1", status: CommentStatus.Hidden);
        var rating = Make.Rating("org-1", "s-1") with { CommentStatus = CommentStatus.Published };
        var heldRating = Make.Rating("org-1", "s-1") with { CommentStatus = CommentStatus.Held };
        var response = Make.Response("org-1", "sv-1");
        FeedEntryDocument Entry(long id, TextKind kind, string target) => new(id, kind, target);

        var texts = MongoSentimentFeed.StillPublic(
            [
                Entry(1, TextKind.Comment, published.Id), Entry(2, TextKind.Comment, hidden.Id), Entry(3, TextKind.RatingComment, rating.Id),
                Entry(4, TextKind.RatingComment, heldRating.Id), Entry(5, TextKind.SurveyAnswer, $"{response.Id}/note"),
                Entry(6, TextKind.SurveyAnswer, $"{response.Id}/score"), Entry(7, TextKind.Comment, "gone"), Entry(8, TextKind.SurveyAnswer, "no-slash"),
            ],
            ById(x => x.Id, published, hidden), ById(x => x.Id, rating, heldRating), ById(x => x.Id, response));

        Assert.Equal([(1L, published.Id), (3L, rating.Id), (5L, $"{response.Id}/note")], texts.Select(t => (t.Sequence, t.TargetId)));
        Assert.All(texts, t => Assert.Equal(("org-1", Make.Unicode), (t.OrganisationId, t.Text)));
    }

    [Fact]
    public void A_text_tagged_twice_in_one_batch_counts_once_with_its_last_label_on_its_utc_day()
    {
        // 22:00 in Toronto is the next day in UTC: the day scope follows UTC, as every adapter's does.
        var late = new DateTimeOffset(2025, 3, 14, 22, 0, 0, TimeSpan.FromHours(-5));
        var comment = Make.Comment("org-1", "con-1", createdAt: late);
        var comments = ById(x => x.Id, comment);

        var writes = MongoSentimentFeed.TagWrites.Plan(
            [(TextKind.Comment, comment.Id, Negative), (TextKind.Comment, comment.Id, Positive)], 9, comments, [], []);

        var day = TallyScopes.ConsultationDay("con-1", new DateOnly(2025, 3, 15));
        Assert.Equal(new Dictionary<(string, string), long>
        {
            [(TallyScopes.Consultation("con-1"), PositiveBucket)] = 1,
            [(day, PositiveBucket)] = 1,
        }, Moves(writes));
        Assert.Equal(2, writes.Comments.Count);
        Assert.Equal(2, writes.Texts.Count);
        Assert.Equal(Positive, comments[comment.Id].Sentiment);
    }

    [Fact]
    public void A_retag_moves_the_tallies_from_the_stored_label_and_the_same_label_moves_nothing()
    {
        var comment = Make.Comment("org-1", "con-1") with { Sentiment = Negative };
        var rating = Make.Rating("org-1", "s-1") with { CommentSentiment = Negative };

        var same = MongoSentimentFeed.TagWrites.Plan([(TextKind.Comment, comment.Id, Negative with { ModelVersion = "model-3" })], 1,
            ById(x => x.Id, comment), [], []);
        var moved = MongoSentimentFeed.TagWrites.Plan([(TextKind.RatingComment, rating.Id, Positive)], 1, [], ById(x => x.Id, rating), []);

        Assert.True(same.Tallies.IsEmpty);
        Assert.Single(same.Comments);
        var day = TallyScopes.ServiceDay("s-1", TallyScopes.DayOf(Make.T0));
        Assert.Equal(new Dictionary<(string, string), long>
        {
            [(TallyScopes.Service("s-1"), NegativeBucket)] = -1,
            [(TallyScopes.Service("s-1"), PositiveBucket)] = 1,
            [(day, NegativeBucket)] = -1,
            [(day, PositiveBucket)] = 1,
        }, Moves(moved));
    }

    [Fact]
    public void Unknown_records_a_rating_without_comment_and_an_answer_without_text_write_nothing()
    {
        var bare = Make.Rating("org-1", "s-1") with { Comment = null };
        var response = Make.Response("org-1", "sv-1");

        var writes = MongoSentimentFeed.TagWrites.Plan(
            [
                (TextKind.Comment, "unknown", Negative), (TextKind.RatingComment, bare.Id, Negative), (TextKind.SurveyAnswer, $"{response.Id}/score", Negative),
                (TextKind.SurveyAnswer, $"{response.Id}/no-such-question", Negative), (TextKind.SurveyAnswer, "unknown/note", Negative),
            ],
            1, [], ById(x => x.Id, bare), ById(x => x.Id, response));

        Assert.True(writes.Tallies.IsEmpty);
        Assert.Empty(writes.Comments);
        Assert.Empty(writes.Ratings);
        Assert.Empty(writes.Responses);
        Assert.Empty(writes.Texts);
    }

    [Fact]
    public void A_survey_answer_keeps_the_other_answers_tags_and_writes_the_map_whole()
    {
        var response = Make.Response("org-1", "sv-1") with
        {
            Answers = new Dictionary<string, Answer> { ["note"] = Answer.OfText("Trop lent"), ["why"] = Answer.OfText("Parce que") },
            Sentiments = new Dictionary<string, SentimentTag> { ["why"] = Positive, ["note"] = Positive },
        };
        var responses = ById(x => x.Id, response);

        var writes = MongoSentimentFeed.TagWrites.Plan([(TextKind.SurveyAnswer, $"{response.Id}/note", Negative)], 5, [], [], responses);

        Assert.Equal(new Dictionary<string, SentimentTag> { ["why"] = Positive, ["note"] = Negative }, responses[response.Id].Sentiments);
        var set = Rendered.Of((MongoDB.Driver.UpdateOneModel<SurveyResponse>)Assert.Single(writes.Responses));
        Assert.Equal(["why", "note"], set["update"]["$set"]["sentiments"].AsBsonArray.Select(e => e["k"].AsString));
        Assert.Equal(-1, Moves(writes)[(TallyScopes.Survey("sv-1"), PositiveBucket)]);
        var text = Rendered.Of((MongoDB.Driver.UpdateOneModel<InsightTextDocument>)Assert.Single(writes.Texts));
        Assert.Equal(("Trop lent", "survey:sv-1", 5L), (text["update"]["$set"]["text"].AsString, text["update"]["$setOnInsert"]["scope"].AsString, text["update"]["$set"]["changed"].AsInt64));
    }
}
