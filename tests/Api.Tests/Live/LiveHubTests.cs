using System.Text.Json;
using Engagement.Api.Live;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Ratings;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Microsoft.AspNetCore.SignalR;

namespace Engagement.Api.Tests.Live;

/// <summary>Joining each kind of group returns its snapshot at once, and writes through the API push fresh ones.</summary>
public sealed class LiveHubTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    [Fact]
    public async Task JoinService_returns_the_rating_summary_and_a_rating_pushes_a_new_one()
    {
        var org = await _app.CreateOrganisationAsync();
        var service = await _app.CreateServiceAsync(org.Id);
        await _app.Get<SubmitRating>().ExecuteAsync(new(service.Id, 5, "en"));
        await using var viewer = await LiveClient.ConnectAsync(_app);

        var joined = await viewer.JoinAsync<RatingSummary>("JoinService", service.Id);
        (await _app.Anonymous().QueryAsync("mutation($input: SubmitRatingInput!) { submitRating(input: $input) { id } }",
            new { input = new { serviceId = service.Id, score = 2, language = "en" } })).AssertOk();
        var pushed = await viewer.WaitForAsync(LiveTopic.Service(service.Id).Name, s => s.GetProperty("count").GetInt64() == 2);

        Assert.Equal((service.Id, 1L, 5.0), (joined.ServiceId, joined.Count, joined.Average));
        Assert.Equal([0L, 0, 0, 0, 1], joined.Distribution);
        Assert.Equal(3.5, pushed.GetProperty("average").GetDouble());
        Assert.Equal([0L, 1, 0, 0, 1], pushed.GetProperty("distribution").EnumerateArray().Select(e => e.GetInt64()));
    }

    [Fact]
    public async Task JoinConsultation_returns_counts_and_reactions_and_a_comment_or_reaction_pushes_new_ones()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var citizen = _app.Anonymous();
        var token = await _app.RegisterParticipantAsync();
        var first = (await citizen.QueryAsync(PostComment, new { input = new { consultationId = consultation.Id, participantToken = token, text = "Yes please.", language = "en" } }))
            .AssertOk().At("postComment.id").GetString()!;
        await using var viewer = await LiveClient.ConnectAsync(_app);
        var topic = LiveTopic.Consultation(consultation.Id).Name;

        var joined = await viewer.JoinAsync<ConsultationSnapshot>("JoinConsultation", consultation.Id);
        // Another author: screening holds a participant posting faster than a person types.
        (await citizen.QueryAsync(PostComment, new { input = new { consultationId = consultation.Id, participantToken = await _app.RegisterParticipantAsync(), text = "Me too.", language = "en", parentId = first } }))
            .AssertOk();
        var afterReply = await viewer.WaitForAsync(topic, s => s.GetProperty("replies").GetInt64() == 1);
        (await citizen.QueryAsync("mutation($input: ReactInput!) { react(input: $input) { agreeCount } }", new { input = new { commentId = first, participantToken = token, reaction = "AGREE" } }))
            .AssertOk();
        var afterReaction = await viewer.WaitForAsync(topic, s => s.GetProperty("firstPage")[0].GetProperty("agree").GetInt64() == 1);

        Assert.Equal((consultation.Id, 1L, 0L), (joined.ConsultationId, joined.Comments, joined.Replies));
        Assert.Equal([new CommentReactions(first, 0, 0)], joined.FirstPage);
        Assert.Equal(1, afterReply.GetProperty("comments").GetInt64());
        Assert.Equal((first, 0L), (afterReaction.GetProperty("firstPage")[0].GetProperty("commentId").GetString(), afterReaction.GetProperty("firstPage")[0].GetProperty("disagree").GetInt64()));
    }

    [Fact]
    public async Task JoinSurvey_returns_the_results_and_a_response_pushes_new_ones()
    {
        var org = await _app.CreateOrganisationAsync();
        var survey = await _app.CreateOpenSurveyAsync(org.Id);
        var citizen = _app.Anonymous();
        var token = await _app.RegisterParticipantAsync();
        await using var viewer = await LiveClient.ConnectAsync(_app);

        var joined = await viewer.JoinAsync<GetSurveyResults.Results>("JoinSurvey", survey.Id);
        (await citizen.QueryAsync("mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { id } }",
            new { input = new { surveyId = survey.Id, participantToken = token, language = "en", answers = new[] { new { questionId = "satisfied", number = 4 } } } })).AssertOk();
        var pushed = await viewer.WaitForAsync(LiveTopic.Survey(survey.Id).Name, s => s.GetProperty("responses").GetInt64() == 1);

        Assert.Equal((survey.Id, 0L), (joined.SurveyId, joined.Responses));
        Assert.Equal(QuestionType.Rating, joined.Questions[0].Type);
        var satisfied = pushed.GetProperty("questions")[0];
        Assert.Equal(("satisfied", "Rating", 1L), (satisfied.GetProperty("questionId").GetString(), satisfied.GetProperty("type").GetString(), satisfied.GetProperty("answered").GetInt64()));
        Assert.Equal(1, satisfied.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("value").GetString() == "4").GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("JoinConsultation", "no-such-id", "There is no such open or closed consultation.")]
    [InlineData("JoinSurvey", "no-such-id", "There is no such open or closed survey.")]
    [InlineData("JoinService", "no-such-id", "There is no such service.")]
    [InlineData("JoinService", "", "Give the id of the service to watch.")]
    public async Task Joining_an_unknown_id_is_refused_with_a_clear_message(string method, string id, string message)
    {
        await using var viewer = await LiveClient.ConnectAsync(_app);

        var error = await Assert.ThrowsAsync<HubException>(() => viewer.JoinAsync<JsonElement>(method, id));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Joining_a_draft_consultation_is_refused_as_unknown()
    {
        var org = await _app.CreateOrganisationAsync();
        var draft = await _app.CreateDraftConsultationAsync(org.Id);
        await using var viewer = await LiveClient.ConnectAsync(_app);

        var error = await Assert.ThrowsAsync<HubException>(() => viewer.JoinAsync<ConsultationSnapshot>("JoinConsultation", draft.Id));

        Assert.Contains("no such open or closed consultation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinModerationQueue_gives_a_moderator_the_held_counts_and_a_hold_pushes_new_ones()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var participant = (await _app.Get<Core.Participants.RegisterAnonymousParticipant>().ExecuteAsync()).Value.Participant;
        var comment = (await _app.Get<Core.Comments.PostComment>().ExecuteAsync(new(consultation.Id, participant.Id, "Hold me", "en"))).Value;
        var (moderator, password) = await _app.CreateStaffAsync(org.Id, Role.Moderator);
        await using var staff = await LiveClient.SignedInAsync(_app, moderator.Email, password);

        var joined = await staff.JoinAsync<ModerationQueueSnapshot>("JoinModerationQueue", org.Id);
        await _app.Get<ChangeCommentStatus>().ExecuteAsync(new(comment.Id, CommentStatus.Held, "Check"), Actor.Staff(moderator.Id));
        var pushed = await staff.WaitForAsync(LiveTopic.ModerationQueue(org.Id).Name, s => s.GetProperty("heldComments").GetInt64() == 1);

        Assert.Equal(new ModerationQueueSnapshot(org.Id, 0, 0, 0, 0), joined);
        Assert.Equal(0, pushed.GetProperty("heldReplies").GetInt64());
    }

    [Fact]
    public async Task JoinBacklog_gives_staff_the_board_and_each_change_pushes_the_new_board()
    {
        var org = await _app.CreateOrganisationAsync();
        var (analyst, _) = await _app.CreateStaffAsync(org.Id, Role.Analyst);
        var (moderator, moderatorPassword) = await _app.CreateStaffAsync(org.Id, Role.Moderator);
        await using var board = await LiveClient.SignedInAsync(_app, moderator.Email, moderatorPassword);
        await using var anonymous = await LiveClient.ConnectAsync(_app);
        var actor = Actor.Staff(analyst.Id);

        var joined = await board.JoinAsync<BacklogSnapshot>("JoinBacklog", org.Id);
        var item = (await _app.Get<Core.Backlog.CreateBacklogItem>().ExecuteAsync(new(org.Id, "A second counter", "Queues at noon."), actor)).Value;
        var created = await board.WaitForAsync(LiveTopic.Backlog(org.Id).Name, s => s.GetProperty("items").GetArrayLength() == 1);
        await _app.Get<Core.Backlog.ChangeBacklogStatus>().ExecuteAsync(new(item.Id, org.Id, Core.Backlog.BacklogStatus.Accepted), actor);
        var moved = await board.WaitForAsync(LiveTopic.Backlog(org.Id).Name, s => s.GetProperty("items")[0].GetProperty("status").GetString() == "Accepted");
        var refused = await Assert.ThrowsAsync<HubException>(() => anonymous.JoinAsync<BacklogSnapshot>("JoinBacklog", org.Id));

        Assert.Empty(joined.Items);
        Assert.Equal(("A second counter", "Proposed"), (created.GetProperty("items")[0].GetProperty("title").GetString(), created.GetProperty("items")[0].GetProperty("status").GetString()));
        Assert.Equal(item.Id, moved.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Contains("Sign in as staff", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinModerationQueue_is_refused_to_anonymous_viewers()
    {
        var org = await _app.CreateOrganisationAsync();
        await using var viewer = await LiveClient.ConnectAsync(_app);

        var error = await Assert.ThrowsAsync<HubException>(() => viewer.JoinAsync<ModerationQueueSnapshot>("JoinModerationQueue", org.Id));

        Assert.Contains("Sign in as staff", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinModerationQueue_is_refused_to_staff_of_another_organisation()
    {
        var org = await _app.CreateOrganisationAsync();
        var other = await _app.CreateOrganisationAsync();
        var (moderator, password) = await _app.CreateStaffAsync(other.Id, Role.Moderator);
        await using var staff = await LiveClient.SignedInAsync(_app, moderator.Email, password);

        var error = await Assert.ThrowsAsync<HubException>(() => staff.JoinAsync<ModerationQueueSnapshot>("JoinModerationQueue", org.Id));

        Assert.Contains("only the moderation queue of an organisation where you", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinModerationQueue_accepts_an_api_token_that_may_read_staff_data_until_it_is_revoked()
    {
        var org = await _app.CreateOrganisationAsync();
        var secret = await _app.CreateApiTokenAsync(org.Id, Role.Analyst);
        var citizenSecret = await _app.CreateApiTokenAsync(org.Id, Role.Citizen);
        await using var analyst = await LiveClient.WithTokenAsync(_app, secret);
        await using var citizen = await LiveClient.WithTokenAsync(_app, citizenSecret);

        var joined = await analyst.JoinAsync<ModerationQueueSnapshot>("JoinModerationQueue", org.Id);
        await Assert.ThrowsAsync<HubException>(() => citizen.JoinAsync<ModerationQueueSnapshot>("JoinModerationQueue", org.Id));
        var tokenId = (await _app.Get<Core.ApiTokens.IApiTokenStore>().ListByOrganisationAsync(org.Id)).Single(t => t.Role == Role.Analyst).Id;
        await _app.Get<Core.ApiTokens.RevokeApiToken>().ExecuteAsync(new(tokenId), Actor.System);
        await Assert.ThrowsAsync<HubException>(() => analyst.JoinAsync<ModerationQueueSnapshot>("JoinModerationQueue", org.Id));

        Assert.Equal(org.Id, joined.OrganisationId);
    }

    private const string PostComment = "mutation($input: PostCommentInput!) { postComment(input: $input) { id } }";
}
