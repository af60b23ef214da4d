using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;
using MongoDB.Bson;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the sentiment feed, theme store and drift alert store send, rendered and compared with the checked-in JSON.</summary>
public sealed class InsightsQueriesTests
{
    [Fact]
    public void Renders_every_sentiment_feed_query()
    {
        Approved.Matches("MongoSentimentFeed/FeedAfter", Rendered.Of(MongoSentimentFeed.Queries.FeedAfter(41)));
        Approved.Matches("MongoSentimentFeed/FeedOrder", Rendered.Of(MongoSentimentFeed.Queries.FeedOrder()));
        Approved.Matches("MongoSentimentFeed/Comments", Rendered.Of(MongoSentimentFeed.Queries.Comments(["c-1", "c-2"])));
        Approved.Matches("MongoSentimentFeed/Ratings", Rendered.Of(MongoSentimentFeed.Queries.Ratings(["r-1"])));
        Approved.Matches("MongoSentimentFeed/Responses", Rendered.Of(MongoSentimentFeed.Queries.Responses(["sr-1"])));
        Approved.Matches("MongoSentimentFeed/TagComment", Rendered.Of(MongoSentimentFeed.Queries.TagComment("c-1", Samples.Tag())));
        Approved.Matches("MongoSentimentFeed/TagRating", Rendered.Of(MongoSentimentFeed.Queries.TagRating("r-1", Samples.Tag())));
        Approved.Matches("MongoSentimentFeed/TagAnswers", Rendered.Of(MongoSentimentFeed.Queries.TagAnswers("sr-1",
            new Dictionary<string, SentimentTag> { ["note"] = Samples.Tag(), ["why"] = Samples.Tag() with { Label = SentimentLabel.Positive } })));
        Approved.Matches("MongoSentimentFeed/KeepText", Rendered.Of(MongoSentimentFeed.Queries.KeepText(
            TextKind.SurveyAnswer, "sr-1/note", "org-1", "survey:sv-1", Samples.Tag(), Make.T0, 17, Make.Unicode)));
        Approved.Matches("MongoSentimentFeed/Checkpoint", Rendered.Of(MongoSentimentFeed.Queries.Checkpoint("sentiment")));
        Approved.Matches("MongoSentimentFeed/MoveCheckpoint", Rendered.Of(MongoSentimentFeed.Queries.MoveCheckpoint(1234)));
    }

    [Fact]
    public void Renders_every_theme_store_query()
    {
        Approved.Matches("MongoThemeStore/OfOrganisation", Rendered.Of(MongoThemeStore.Queries.OfOrganisation("org-1")));
        Approved.Matches("MongoThemeStore/Newest", Rendered.Of(MongoThemeStore.Queries.Newest()));
        Approved.Matches("MongoThemeStore/Watermark", Rendered.Of(MongoThemeStore.Queries.Watermark("org-1")));
        Approved.Matches("MongoThemeStore/ByKeys", Rendered.Of(MongoThemeStore.Queries.ByKeys("org-1", ["Comment:c-1", "SurveyAnswer:sr-1/note", "Comment:c-1"])));
        Approved.Matches("MongoThemeStore/Snapshot", Rendered.Of(MongoThemeStore.Queries.Snapshot("org-1")));
        Approved.Matches("MongoThemeStore/ThemeSnapshot.document", Rendered.Document(Samples.ThemeSnapshot()));
    }

    [Fact]
    public void Renders_every_drift_alert_query()
    {
        Approved.Matches("MongoDriftAlertStore/ById", Rendered.Of(MongoDriftAlertStore.Queries.ById("da-1")));
        Approved.Matches("MongoDriftAlertStore/Newest", Rendered.Of(MongoDriftAlertStore.Queries.Newest("org-1", 20)));
        Approved.Matches("MongoDriftAlertStore/DriftAlert.document", Rendered.Document(Samples.DriftAlert()));
    }

    [Fact]
    public void A_drift_alert_stores_the_fields_its_unique_index_holds_it_to()
    {
        var unique = MongoDriftAlertStore.Indexes.Single(i => i.Unique);
        var stored = Rendered.Document(Samples.DriftAlert());

        Assert.Equal(["subject", "subjectId", "metric", "day"], unique.Keys.Names);
        Assert.All(unique.Keys.Names, name => Assert.True(stored.Contains(name), $"The alert document has no '{name}'."));
        Assert.Equal("Theme", stored["subject"].AsString);
        Assert.Equal("Volume", stored["metric"].AsString);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Operator_text_from_users_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var keepText = Rendered.Of(MongoSentimentFeed.Queries.KeepText(TextKind.Comment, hostile, hostile, hostile, Samples.Tag(), Make.T0, 1, hostile));
        var byKeys = Rendered.Of(MongoThemeStore.Queries.ByKeys(hostile, [hostile]));
        var snapshot = Rendered.Document(Samples.ThemeSnapshot() with
        {
            OrganisationId = hostile,
            Themes = [new ThemeSummary(hostile, hostile, [hostile], 1, [new ThemeQuote(TextKind.Comment, hostile, hostile)])
            {
                CountsByScope = new Dictionary<string, int> { [hostile] = 1 },
            }],
            ThemeOfText = new Dictionary<string, string> { [hostile] = hostile },
        });
        var alerts = Rendered.Of(MongoDriftAlertStore.Queries.Newest(hostile, 5));
        var tagAnswers = Rendered.Of(MongoSentimentFeed.Queries.TagAnswers(hostile, new Dictionary<string, SentimentTag> { [hostile] = Samples.Tag() }));

        Assert.Equal($"Comment:{hostile}", keepText["filter"]["_id"].AsString);
        Assert.Equal(hostile, keepText["update"]["$set"]["text"].AsString);
        Assert.Equal(hostile, keepText["update"]["$setOnInsert"]["organisationId"].AsString);
        Assert.Equal(hostile, byKeys["organisationId"].AsString);
        Assert.Equal(hostile, byKeys["_id"]["$in"][0].AsString);
        Assert.Equal(hostile, snapshot["_id"].AsString);
        var theme = snapshot["themes"][0].AsBsonDocument;
        Assert.Equal(new BsonDocument { { "k", hostile }, { "v", 1 } }, theme["countsByScope"][0]);
        Assert.Equal(hostile, theme["topTerms"][0].AsString);
        Assert.Equal(new BsonDocument { { "k", hostile }, { "v", hostile } }, snapshot["themeOfText"][0]);
        Assert.Equal(hostile, alerts[0]["$match"]["organisationId"].AsString);
        Assert.Equal(hostile, tagAnswers["update"]["$set"]["sentiments"][0]["k"].AsString);
        Assert.Equal(hostile, tagAnswers["filter"]["_id"].AsString);
        NoUserTextAsAName(snapshot, hostile);
        NoUserTextAsAName(keepText, hostile);
        NoUserTextAsAName(tagAnswers, hostile);
    }

    public static TheoryData<string> Hostile() => ["{\"$where\": \"sleep(5000)\"}", "{\"$ne\": null}", "$gt", "a.b.$[]", "$where"];

    /// <summary>Walks a rendered document: user text may be any value, never a field name.</summary>
    internal static void NoUserTextAsAName(BsonValue value, string hostile)
    {
        switch (value)
        {
            case BsonDocument d:
                foreach (var element in d)
                {
                    Assert.NotEqual(hostile, element.Name);
                    NoUserTextAsAName(element.Value, hostile);
                }
                break;
            case BsonArray a:
                foreach (var item in a)
                    NoUserTextAsAName(item, hostile);
                break;
        }
    }
}
