using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Insights;
using Engagement.Core.Screening;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IThemeStore"/> every adapter honours: the texts insights read, their watermark, and snapshots.</summary>
public abstract class ThemeStoreContract : StoreContract
{
    private static SentimentTag Tag(SentimentLabel label, string language = "fr") => new(label, 0.8f, 0.1f, 0.1f, 0.8f, language, SentimentNote.None, "model-1");

    [ContractFact]
    public async Task Tagged_texts_are_listed_for_their_organisation_newest_first_with_their_latest_tag()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var older = Make.Comment(organisationId, Ids.New(), createdAt: Make.T0) with { Text = "Older comment." };
        var newer = Make.Comment(organisationId, older.ConsultationId, createdAt: Make.T0.AddHours(1)) with { Text = "Newer comment." };
        var rating = Make.Rating(organisationId, Ids.New(), createdAt: Make.T0.AddMinutes(30)) with { CommentStatus = CommentStatus.Published, Comment = "Rating comment." };
        var elsewhere = Make.Comment(Ids.New(), Ids.New());
        foreach (var comment in new[] { older, newer, elsewhere })
            await stores.Comments.TryAddAsync(comment);
        await stores.Ratings.TryAddAsync(rating);
        Assert.Equal(0, await stores.Themes.WatermarkAsync(organisationId));

        await stores.SentimentFeed.SaveTagsAsync(
            [(TextKind.Comment, older.Id, Tag(SentimentLabel.Negative)), (TextKind.Comment, newer.Id, Tag(SentimentLabel.Positive, "en")),
             (TextKind.RatingComment, rating.Id, Tag(SentimentLabel.Neutral)), (TextKind.Comment, elsewhere.Id, Tag(SentimentLabel.Neutral))], 10);
        var first = await stores.Themes.WatermarkAsync(organisationId);
        await stores.SentimentFeed.SaveTagsAsync([(TextKind.Comment, older.Id, Tag(SentimentLabel.Neutral))], 11);

        var texts = await stores.Themes.ListRecentTextsAsync(organisationId, 10);
        Assert.Equal(
            [
                (TextKind.Comment, newer.Id, "en", "Newer comment.", SentimentLabel.Positive),
                (TextKind.RatingComment, rating.Id, "fr", "Rating comment.", SentimentLabel.Neutral),
                (TextKind.Comment, older.Id, "fr", "Older comment.", SentimentLabel.Neutral),
            ],
            texts.Select(t => (t.Kind, t.TargetId, t.Language, t.Text, t.Label)).ToArray());
        Assert.All(texts, t => Assert.Equal(organisationId, t.OrganisationId));
        Assert.Equal([Core.Tallies.TallyScopes.Consultation(older.ConsultationId), Core.Tallies.TallyScopes.Service(rating.ServiceId), Core.Tallies.TallyScopes.Consultation(older.ConsultationId)],
            texts.Select(t => t.Scope));
        Assert.Equal(Make.T0.AddHours(1), texts[0].At);
        Assert.Single(await stores.Themes.ListRecentTextsAsync(organisationId, 1));
        Assert.Equal([older.Id], (await stores.Themes.GetTextsAsync(organisationId, [$"Comment:{older.Id}", $"Comment:{elsewhere.Id}", "Comment:unknown"])).Select(t => t.TargetId));
        Assert.True(first > 0);
        Assert.True(await stores.Themes.WatermarkAsync(organisationId) > first);
    }

    [ContractFact]
    public async Task A_snapshot_is_saved_read_back_whole_and_replaced()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var snapshot = new ThemeSnapshot
        {
            OrganisationId = organisationId,
            RefreshedAt = Make.T0,
            Watermark = 42,
            TextsRead = 3,
            Themes =
            [
                new ThemeSummary("th_1", "fr", ["déneigement", "trottoirs", "neige", "rue", "souffleuse"], 2,
                    [new ThemeQuote(TextKind.Comment, "c1", Make.Unicode), new ThemeQuote(TextKind.SurveyAnswer, "r1/why", "Les trottoirs!")])
                {
                    CountsByScope = new Dictionary<string, int> { ["consultation:x"] = 1, ["survey:r"] = 1 },
                },
                new ThemeSummary("th_other_fr", "fr", ["autres"], 1, []),
            ],
            ThemeOfText = new Dictionary<string, string> { ["Comment:c1"] = "th_1", ["SurveyAnswer:r1/why"] = "th_1", ["Comment:c2"] = "th_other_fr" },
        };
        Assert.Null(await stores.Themes.GetAsync(organisationId));

        await stores.Themes.SaveAsync(snapshot);
        Same.Equal(snapshot, await stores.Themes.GetAsync(organisationId));
        var replaced = snapshot with { Watermark = 43, Themes = [], ThemeOfText = new Dictionary<string, string>() };
        await stores.Themes.SaveAsync(replaced);

        Same.Equal(replaced, await stores.Themes.GetAsync(organisationId));
    }
}
