using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Engagement.Core.Tallies;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="ISentimentFeed"/> every adapter honours: what enters the feed, in what order, and what saving tags keeps.</summary>
public abstract class SentimentFeedContract : StoreContract
{
    private static readonly SentimentTag Tag = new(SentimentLabel.Negative, 0.8f, 0.8f, 0.15f, 0.05f, "fr", SentimentNote.None, "model-1");

    /// <summary>The feed's current end, so a test reads only what it wrote after it (other tests share the store).</summary>
    private static async Task<long> EndAsync(StoreSet stores)
    {
        var at = 0L;
        while (true)
        {
            var page = await stores.SentimentFeed.ListAfterAsync(at, 500);
            if (page.LastSequence == at)
                return at;
            at = page.LastSequence;
        }
    }

    private static async Task<List<TextToTag>> ReadAfterAsync(StoreSet stores, long after, string organisationId, int pageSize = 2)
    {
        var texts = new List<TextToTag>();
        while (true)
        {
            var page = await stores.SentimentFeed.ListAfterAsync(after, pageSize);
            Assert.True(page.Texts.Count <= pageSize);
            Assert.All(page.Texts, t => Assert.InRange(t.Sequence, after + 1, page.LastSequence));
            if (page.LastSequence == after)
                return texts.Where(t => t.OrganisationId == organisationId).ToList();
            texts.AddRange(page.Texts);
            after = page.LastSequence;
        }
    }

    [ContractFact]
    public async Task ListAfterAsync_lists_texts_as_they_become_public_in_commit_order_and_skips_those_no_longer_public()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var start = await EndAsync(stores);
        var published = Make.Comment(organisationId, Ids.New());
        var held = Make.Comment(organisationId, published.ConsultationId, status: CommentStatus.Held);
        var reply = Make.Comment(organisationId, published.ConsultationId, published.Id);
        var hiddenLater = Make.Comment(organisationId, published.ConsultationId);
        var rating = Make.Rating(organisationId, Ids.New()) with { CommentStatus = CommentStatus.Published };
        var heldRating = Make.Rating(organisationId, rating.ServiceId) with { CommentStatus = CommentStatus.Held };
        var response = Make.Response(organisationId, Ids.New());
        await stores.Comments.TryAddAsync(published);
        await stores.Comments.TryAddAsync(held);
        await stores.Comments.TryAddAsync(reply);
        await stores.Comments.TryAddAsync(hiddenLater);
        await stores.Ratings.TryAddAsync(rating);
        await stores.Ratings.AddManyAsync([heldRating, Make.Rating(organisationId, rating.ServiceId) with { Comment = null }]);
        await stores.SurveyResponses.TryAddAsync(response);
        await stores.Comments.SetStatusAsync(held.Id, CommentStatus.Published, Make.T0.AddMinutes(1));
        await stores.Comments.SetStatusAsync(hiddenLater.Id, CommentStatus.Hidden, Make.T0.AddMinutes(1));
        await stores.Ratings.SetCommentStatusAsync(heldRating.Id, CommentStatus.Published);

        var texts = await ReadAfterAsync(stores, start, organisationId);

        Assert.Equal(
            [
                (TextKind.Comment, published.Id), (TextKind.Reply, reply.Id), (TextKind.RatingComment, rating.Id),
                (TextKind.SurveyAnswer, $"{response.Id}/note"), (TextKind.Comment, held.Id), (TextKind.RatingComment, heldRating.Id),
            ],
            texts.Select(t => (t.Kind, t.TargetId)).ToArray());
        Assert.Equal(Make.Unicode, texts[0].Text);
        Assert.Equal(texts.Select(t => t.Sequence).Order().ToArray(), texts.Select(t => t.Sequence).ToArray());
    }

    [ContractFact]
    public async Task A_published_comment_enters_the_feed_again_when_its_text_is_redacted_or_it_is_published_again()
    {
        var stores = await CreateStoresAsync();
        var comment = Make.Comment(Ids.New(), Ids.New());
        var start = await EndAsync(stores);
        await stores.Comments.TryAddAsync(comment);
        await stores.Comments.SetTextAsync(comment.Id, "[redacted] kept the rest", Make.T0.AddMinutes(1));
        await stores.Comments.SetStatusAsync(comment.Id, CommentStatus.Hidden, Make.T0.AddMinutes(2));
        await stores.Comments.SetStatusAsync(comment.Id, CommentStatus.Published, Make.T0.AddMinutes(3));
        // Publishing what is already published is no change, and adds nothing.
        await stores.Comments.SetStatusAsync(comment.Id, CommentStatus.Published, Make.T0.AddMinutes(4));

        var texts = await ReadAfterAsync(stores, start, comment.OrganisationId, pageSize: 10);

        Assert.Equal(3, texts.Count);
        Assert.All(texts, t => Assert.Equal("[redacted] kept the rest", t.Text));
    }

    [ContractFact]
    public async Task ListAfterAsync_at_the_end_returns_nothing_and_the_same_sequence()
    {
        var stores = await CreateStoresAsync();
        var end = await EndAsync(stores);

        var page = await stores.SentimentFeed.ListAfterAsync(end, 10);

        Assert.Equal((0, end), (page.Texts.Count, page.LastSequence));
    }

    [ContractFact]
    public async Task SaveTagsAsync_stores_each_tag_with_its_text_and_moves_the_checkpoint()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var comment = Make.Comment(organisationId, Ids.New());
        var rating = Make.Rating(organisationId, Ids.New()) with { CommentStatus = CommentStatus.Published };
        var response = Make.Response(organisationId, Ids.New());
        await stores.Comments.TryAddAsync(comment);
        await stores.Ratings.TryAddAsync(rating);
        await stores.SurveyResponses.TryAddAsync(response);
        var end = await EndAsync(stores);
        var replaced = Tag with { Label = SentimentLabel.Positive, ModelVersion = "model-2" };

        await stores.SentimentFeed.SaveTagsAsync(
            [
                (TextKind.Comment, comment.Id, Tag), (TextKind.RatingComment, rating.Id, Tag), (TextKind.SurveyAnswer, $"{response.Id}/note", Tag),
                (TextKind.Comment, Ids.New(), Tag), (TextKind.SurveyAnswer, $"{response.Id}/no-such-question", Tag),
            ], end);
        await stores.SentimentFeed.SaveTagsAsync([(TextKind.Comment, comment.Id, replaced)], end);

        Same.Equal(comment with { Sentiment = replaced }, await stores.Comments.GetAsync(comment.Id));
        Same.Equal(rating with { CommentSentiment = Tag }, (await stores.Ratings.ListAsync(rating.ServiceId, PageRequest.First(5))).Items.Single());
        Same.Equal(response with { Sentiments = new Dictionary<string, SentimentTag> { ["note"] = Tag } },
            await stores.SurveyResponses.GetByParticipantAsync(response.SurveyId, response.ParticipantId));
        Assert.Equal(end, await stores.SentimentFeed.GetCheckpointAsync());
    }

    [ContractFact]
    public async Task A_tag_survives_later_changes_to_its_comment()
    {
        var stores = await CreateStoresAsync();
        var comment = Make.Comment(Ids.New(), Ids.New());
        await stores.Comments.TryAddAsync(comment);
        await stores.SentimentFeed.SaveTagsAsync([(TextKind.Comment, comment.Id, Tag)], await EndAsync(stores));

        await stores.Comments.SetStatusAsync(comment.Id, CommentStatus.Hidden, Make.T0.AddMinutes(1));

        Assert.Equal(Tag, (await stores.Comments.GetAsync(comment.Id))!.Sentiment);
    }

    [ContractFact]
    public async Task SaveTagsAsync_counts_each_text_once_by_its_latest_label_in_its_scope_and_day()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var comment = Make.Comment(organisationId, Ids.New());
        var rating = Make.Rating(organisationId, Ids.New()) with { CommentStatus = CommentStatus.Published };
        var response = Make.Response(organisationId, Ids.New());
        await stores.Comments.TryAddAsync(comment);
        await stores.Ratings.TryAddAsync(rating);
        await stores.SurveyResponses.TryAddAsync(response);
        var end = await EndAsync(stores);
        var day = TallyScopes.DayOf(Make.T0);
        var negative = SentimentTallies.Bucket(SentimentLabel.Negative);
        var positive = SentimentTallies.Bucket(SentimentLabel.Positive);

        await stores.SentimentFeed.SaveTagsAsync(
            [(TextKind.Comment, comment.Id, Tag), (TextKind.RatingComment, rating.Id, Tag), (TextKind.SurveyAnswer, $"{response.Id}/note", Tag)], end);
        await stores.SentimentFeed.SaveTagsAsync([(TextKind.Comment, comment.Id, Tag)], end);
        await stores.SentimentFeed.SaveTagsAsync([(TextKind.RatingComment, rating.Id, Tag with { Label = SentimentLabel.Positive })], end);

        var tallies = await stores.Tallies.GetManyAsync(
        [
            TallyScopes.Consultation(comment.ConsultationId), TallyScopes.ConsultationDay(comment.ConsultationId, day),
            TallyScopes.Service(rating.ServiceId), TallyScopes.ServiceDay(rating.ServiceId, day),
            TallyScopes.Survey(response.SurveyId), TallyScopes.SurveyDay(response.SurveyId, day),
        ]);
        Assert.Equal((1, 1), (tallies[TallyScopes.Consultation(comment.ConsultationId)][negative], tallies[TallyScopes.ConsultationDay(comment.ConsultationId, day)][negative]));
        Assert.Equal((0, 1, 1), (tallies[TallyScopes.Service(rating.ServiceId)][negative], tallies[TallyScopes.Service(rating.ServiceId)][positive],
            tallies[TallyScopes.ServiceDay(rating.ServiceId, day)][positive]));
        Assert.Equal((1, 1), (tallies[TallyScopes.Survey(response.SurveyId)][negative], tallies[TallyScopes.SurveyDay(response.SurveyId, day)][negative]));
    }
}
