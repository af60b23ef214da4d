using Engagement.Core.Comments;
using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Insights;

/// <summary>The tagger reads public texts in batches from the feed, saves their tags and checkpoint, and leaves held texts until they are published.</summary>
public sealed class TagSentimentTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    /// <summary>Calls every text with "!" positive and the rest neutral, and counts what it read.</summary>
    private sealed class CountingScorer : ISentimentScorer
    {
        public List<string> Read { get; } = [];

        public string ModelVersion => "test-model";

        public SentimentScore Score(string text) => ScoreMany([text])[0];

        public IReadOnlyList<SentimentScore> ScoreMany(IReadOnlyList<string> texts)
        {
            Read.AddRange(texts);
            return [.. texts.Select(t => t.Contains('!', StringComparison.Ordinal)
                ? new SentimentScore(SentimentLabel.Positive, 0.9f, 0.05f, 0.05f, 0.9f, "en", SentimentNote.None)
                : new SentimentScore(SentimentLabel.Neutral, 0.7f, 0.15f, 0.7f, 0.15f, "en", SentimentNote.None))];
        }
    }

    private async Task TagAllAsync(TagSentiment tagger)
    {
        var checkpoint = await _platform.SentimentFeed.GetCheckpointAsync();
        while (true)
        {
            var (_, next) = await tagger.ExecuteAsync(checkpoint, 2);
            if (next == checkpoint)
                return;
            checkpoint = next;
        }
    }

    [Fact]
    public async Task Published_texts_are_tagged_in_batches_and_a_held_one_only_once_a_moderator_publishes_it()
    {
        var scorer = new CountingScorer();
        var tagger = new TagSentiment(_platform.SentimentFeed, scorer);
        var consultation = await _platform.CreateOpenConsultationAsync();
        var participant = (await _platform.RegisterParticipantAsync()).Id;
        var liked = ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(new(consultation.Id, participant, "Love the new library hours!", "en")));
        var plain = ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(new(consultation.Id, participant, "When does the pool open?", "en")));
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold);
        var held = ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(new(consultation.Id, participant, "Held for a look!", "en")));

        await TagAllAsync(tagger);

        Assert.Equal(SentimentLabel.Positive, (await _platform.Comments.GetAsync(liked.Id))!.Sentiment!.Label);
        Assert.Equal(("test-model", SentimentLabel.Neutral), ((await _platform.Comments.GetAsync(plain.Id))!.Sentiment!.ModelVersion, (await _platform.Comments.GetAsync(plain.Id))!.Sentiment!.Label));
        Assert.Null((await _platform.Comments.GetAsync(held.Id))!.Sentiment);
        Assert.DoesNotContain("Held for a look!", scorer.Read);

        var read = scorer.Read.Count;
        await TagAllAsync(tagger);
        Assert.Equal(read, scorer.Read.Count);

        await _platform.Comments.SetStatusAsync(held.Id, CommentStatus.Published, _platform.Clock.GetUtcNow());
        await TagAllAsync(tagger);
        Assert.Equal(SentimentLabel.Positive, (await _platform.Comments.GetAsync(held.Id))!.Sentiment!.Label);
    }
}
