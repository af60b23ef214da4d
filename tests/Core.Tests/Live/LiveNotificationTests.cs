using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Ratings;
using Engagement.Core.Surveys;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Live;

/// <summary>Which live topics each write raises: exactly its own after an accepted write, none after a refused one.</summary>
public sealed class LiveNotificationTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    [Fact]
    public async Task Posting_a_comment_raises_its_consultation()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        _platform.Live.Clear();

        await _platform.PostCommentAsync(consultation);

        Assert.Equal([LiveTopic.Consultation(consultation.Id)], _platform.Live.Raised);
    }

    [Fact]
    public async Task Posting_a_reply_raises_its_consultation()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        _platform.Live.Clear();

        await _platform.PostCommentAsync(consultation, "Me too.", parentId: comment.Id);

        Assert.Equal([LiveTopic.Consultation(consultation.Id)], _platform.Live.Raised);
    }

    [Fact]
    public async Task Refused_comment_raises_nothing()
    {
        var consultation = await _platform.CreateClosedConsultationAsync();
        var author = await _platform.RegisterParticipantAsync();
        _platform.Live.Clear();

        ResultAssert.FailedOnly(await _platform.PostComment.ExecuteAsync(new PostComment.Request(consultation.Id, author.Id, "Too late?", "en")),
            "consultationId", ErrorCodes.InvalidState);

        Assert.Empty(_platform.Live.Raised);
    }

    [Fact]
    public async Task Reacting_raises_the_consultation_of_the_comment()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        var reader = await _platform.RegisterParticipantAsync();
        _platform.Live.Clear();

        ResultAssert.Succeeded(await _platform.ReactToComment.ExecuteAsync(new ReactToComment.Request(comment.Id, reader.Id, Reaction.Agree)));

        Assert.Equal([LiveTopic.Consultation(consultation.Id)], _platform.Live.Raised);
    }

    [Fact]
    public async Task Refused_reaction_raises_nothing()
    {
        var reader = await _platform.RegisterParticipantAsync();
        _platform.Live.Clear();

        ResultAssert.FailedOnly(await _platform.ReactToComment.ExecuteAsync(new ReactToComment.Request("no-such-comment", reader.Id, Reaction.Agree)),
            "commentId", ErrorCodes.NotFound);

        Assert.Empty(_platform.Live.Raised);
    }

    [Fact]
    public async Task Holding_a_comment_raises_its_consultation_and_its_organisations_moderation_queue()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        _platform.Live.Clear();

        await _platform.SetCommentStatusAsync(comment, CommentStatus.Held);

        Assert.Equal([LiveTopic.Consultation(consultation.Id), LiveTopic.ModerationQueue(consultation.OrganisationId)], _platform.Live.Raised);
    }

    [Fact]
    public async Task Repeating_a_status_already_set_raises_nothing()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        _platform.Live.Clear();

        await _platform.SetCommentStatusAsync(comment, CommentStatus.Published);

        Assert.Empty(_platform.Live.Raised);
    }

    [Fact]
    public async Task Refused_status_change_raises_nothing()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        _platform.Live.Clear();

        ResultAssert.FailedOnly(await _platform.ChangeCommentStatus.ExecuteAsync(new ChangeCommentStatus.Request(comment.Id, CommentStatus.Rejected), TestPlatform.Staff),
            "reason", ErrorCodes.Required);
        ResultAssert.FailedOnly(await _platform.ChangeCommentStatus.ExecuteAsync(new ChangeCommentStatus.Request("no-such-comment", CommentStatus.Held), TestPlatform.Staff),
            "commentId", ErrorCodes.NotFound);

        Assert.Empty(_platform.Live.Raised);
    }

    [Fact]
    public async Task Answering_a_survey_raises_the_survey()
    {
        var survey = await _platform.CreateOpenSurveyAsync(Questions.YesNo("agree"));
        _platform.Live.Clear();

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, ("agree", Answer.Of(true))));

        Assert.Equal([LiveTopic.Survey(survey.Id)], _platform.Live.Raised);
    }

    [Fact]
    public async Task Refused_or_repeated_survey_response_raises_nothing()
    {
        var survey = await _platform.CreateOpenSurveyAsync(Questions.YesNo("agree") with { Required = true });
        var participant = await _platform.RegisterParticipantAsync();
        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, participant, ("agree", Answer.Of(true))));
        _platform.Live.Clear();

        ResultAssert.FailedOnly(await _platform.SubmitAsync(survey), "answers.agree", ErrorCodes.Required);
        ResultAssert.FailedOnly(await _platform.SubmitAsync(survey, participant, ("agree", Answer.Of(false))), "participantId", ErrorCodes.Duplicate);

        Assert.Empty(_platform.Live.Raised);
    }

    [Fact]
    public async Task Rating_a_service_raises_the_service()
    {
        var service = await _platform.CreateServiceAsync();
        _platform.Live.Clear();

        ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(service.Id, 5, "en")));

        Assert.Equal([LiveTopic.Service(service.Id)], _platform.Live.Raised);
    }

    [Fact]
    public async Task Refused_rating_raises_nothing()
    {
        var service = await _platform.CreateServiceAsync();
        _platform.Live.Clear();

        ResultAssert.FailedOnly(await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(service.Id, 6, "en")), "score", ErrorCodes.OutOfRange);
        ResultAssert.FailedOnly(await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request("no-such-service", 5, "en")), "serviceId", ErrorCodes.NotFound);

        Assert.Empty(_platform.Live.Raised);
    }

    [Fact]
    public void Topic_names_are_stable_group_names()
    {
        Assert.Equal("consultation:c1", LiveTopic.Consultation("c1").Name);
        Assert.Equal("survey:s1", LiveTopic.Survey("s1").Name);
        Assert.Equal("service:v1", LiveTopic.Service("v1").Name);
        Assert.Equal("moderation-queue:o1", LiveTopic.ModerationQueue("o1").Name);
    }
}
