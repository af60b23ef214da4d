using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Ratings;
using Engagement.Core.Screening;
using Engagement.Core.Tallies;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Ratings;

/// <summary>
/// A rating's comment goes through the same screening as every public text: the rating keeps the text screening gave
/// back and what it decided; a refused comment is dropped and the score still counts.
/// </summary>
public sealed class SubmitRatingScreeningTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private async Task<ServiceRating> RateAsync(string serviceId, string? comment, int score = 4, string language = "en", string? participantId = null)
    {
        ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(serviceId, score, language, comment, null, participantId)));
        return Assert.Single((await _platform.Ratings.ListAsync(serviceId, PageRequest.First(10))).Items);
    }

    private static string Mask(string text) => text.Replace("jane@example.org", "[email]", StringComparison.Ordinal);

    [Fact]
    public async Task Published_comment_is_stored_as_screening_gave_it_back()
    {
        var service = await _platform.CreateServiceAsync();
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Publish, Mask);

        var stored = await RateAsync(service.Id, "Write to jane@example.org, she was great");

        Assert.Equal(("Write to [email], she was great", (CommentStatus?)CommentStatus.Published), (stored.Comment, stored.CommentStatus));
    }

    [Fact]
    public async Task Published_comment_is_stored_unchanged_when_screening_changes_nothing()
    {
        var service = await _platform.CreateServiceAsync();
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Publish);

        var stored = await RateAsync(service.Id, "Fast <b>and</b> friendly");

        Assert.Equal(("Fast <b>and</b> friendly", (CommentStatus?)CommentStatus.Published), (stored.Comment, stored.CommentStatus));
    }

    [Fact]
    public async Task Without_moderation_a_comment_is_published_as_written()
    {
        var service = await _platform.CreateServiceAsync();

        var stored = await RateAsync(service.Id, "Very helpful staff.");

        Assert.Equal(("Very helpful staff.", (CommentStatus?)CommentStatus.Published), (stored.Comment, stored.CommentStatus));
    }

    [Fact]
    public async Task Held_comment_is_stored_as_screening_gave_it_back_and_marked_held()
    {
        var service = await _platform.CreateServiceAsync();
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold, Mask);

        var stored = await RateAsync(service.Id, "jane@example.org was rude");

        Assert.Equal(("[email] was rude", (CommentStatus?)CommentStatus.Held), (stored.Comment, stored.CommentStatus));
    }

    [Fact]
    public async Task Rejected_comment_is_dropped_and_the_rating_is_stored_with_its_score()
    {
        var service = await _platform.CreateServiceAsync();
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Reject);

        var stored = await RateAsync(service.Id, "Something abusive", score: 1);

        Assert.Null(stored.Comment);
        Assert.Equal(CommentStatus.Rejected, stored.CommentStatus);
        Assert.Equal(1, stored.Score);
        Assert.Equal(1, (await _platform.TallyAsync(TallyScopes.Service(service.Id)))[RatingTallies.ScoreBucket(1)]);
    }

    [Fact]
    public async Task Rejected_comment_still_raises_the_services_live_topic()
    {
        var service = await _platform.CreateServiceAsync();
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Reject);
        _platform.Live.Clear();

        await RateAsync(service.Id, "Something abusive");

        Assert.Equal([LiveTopic.Service(service.Id)], _platform.Live.Raised);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public async Task Rating_without_a_comment_is_not_screened_and_has_no_comment_status(string? comment)
    {
        var service = await _platform.CreateServiceAsync();
        var screening = ScriptedScreening.Always(ScreeningOutcome.Reject);
        _platform.Screening = screening;

        var stored = await RateAsync(service.Id, comment);

        Assert.Empty(screening.Screened);
        Assert.Null(stored.Comment);
        Assert.Null(stored.CommentStatus);
    }

    [Fact]
    public async Task Screening_is_told_the_organisation_the_kind_of_text_its_language_and_the_participant()
    {
        var service = await _platform.CreateServiceAsync();
        var participant = await _platform.RegisterParticipantAsync();
        var screening = ScriptedScreening.Always(ScreeningOutcome.Publish);
        _platform.Screening = screening;

        await RateAsync(service.Id, "Très bien", language: "fr", participantId: participant.Id);

        var screened = Assert.Single(screening.Screened);
        Assert.Equal(new TextToScreen(service.OrganisationId, TextKind.RatingComment, "Très bien", "fr", participant.Id), screened);
    }

    [Fact]
    public async Task Refused_rating_is_not_screened()
    {
        var service = await _platform.CreateServiceAsync();
        var screening = ScriptedScreening.Always(ScreeningOutcome.Publish);
        _platform.Screening = screening;

        Assert.False((await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(service.Id, 0, "en", "Hello"))).Succeeded);
        Assert.False((await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(Ids.New(), 4, "en", "Hello"))).Succeeded);
        Assert.False((await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(service.Id, 4, "en", "Hello", ParticipantId: Ids.New()))).Succeeded);

        Assert.Empty(screening.Screened);
    }

    [Fact]
    public async Task Screening_each_rating_sees_only_its_own_comment()
    {
        var service = await _platform.CreateServiceAsync();
        var screening = new ScriptedScreening(t => t.Text.Contains("bad", StringComparison.Ordinal)
            ? new ScreeningResult(ScreeningOutcome.Reject, t.Text, [new ScreeningReason("term.blocked", ReasonSeverity.Reject, "word list")])
            : ScreeningResult.Publish(t.Text));
        _platform.Screening = screening;

        ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(service.Id, 5, "en", "good")));
        _platform.Clock.Advance(TimeSpan.FromSeconds(1));
        ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(service.Id, 1, "en", "bad")));

        var stored = (await _platform.Ratings.ListAsync(service.Id, PageRequest.First(10))).Items;
        Assert.Equal(
            [("good", (CommentStatus?)CommentStatus.Published), (null, CommentStatus.Rejected)],
            stored.Select(r => (r.Comment, r.CommentStatus)));
        Assert.Equal(["good", "bad"], screening.Screened.Select(t => t.Text));
    }
}
