using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Tallies;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Comments;

/// <summary>Agreeing and disagreeing with comments: one reaction per participant per comment.</summary>
public sealed class ReactToCommentTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private Task<Result<ReactToComment.Reacted>> ReactAsync(string commentId, string participantId, Reaction? reaction) =>
        _platform.ReactToComment.ExecuteAsync(new ReactToComment.Request(commentId, participantId, reaction));

    private async Task<(long Agree, long Disagree)> CountsAsync(string commentId)
    {
        var tally = await _platform.TallyAsync(TallyScopes.Comment(commentId));
        return (tally[CommentTallies.Agree], tally[CommentTallies.Disagree]);
    }

    [Fact]
    public async Task Agree_then_disagree_then_withdraw_keeps_the_counts_right()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        var citizen = await _platform.RegisterParticipantAsync();

        var agreed = ResultAssert.Succeeded(await ReactAsync(comment.Id, citizen.Id, Reaction.Agree));
        Assert.Equal(new ReactToComment.Reacted(comment.Id, Reaction.Agree, 1, 0), agreed);
        Assert.Equal((1, 0), await CountsAsync(comment.Id));

        var disagreed = ResultAssert.Succeeded(await ReactAsync(comment.Id, citizen.Id, Reaction.Disagree));
        Assert.Equal(new ReactToComment.Reacted(comment.Id, Reaction.Disagree, 0, 1), disagreed);
        Assert.Equal((0, 1), await CountsAsync(comment.Id));

        var withdrawn = ResultAssert.Succeeded(await ReactAsync(comment.Id, citizen.Id, null));
        Assert.Equal(new ReactToComment.Reacted(comment.Id, null, 0, 0), withdrawn);
        Assert.Equal((0, 0), await CountsAsync(comment.Id));
        Assert.Empty(await _platform.Comments.GetReactionsAsync(citizen.Id, [comment.Id]));
    }

    [Fact]
    public async Task Agreeing_twice_counts_once()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        var citizen = await _platform.RegisterParticipantAsync();

        ResultAssert.Succeeded(await ReactAsync(comment.Id, citizen.Id, Reaction.Agree));
        var again = ResultAssert.Succeeded(await ReactAsync(comment.Id, citizen.Id, Reaction.Agree));

        Assert.Equal((1L, 0L), (again.Agree, again.Disagree));
        Assert.Equal((1, 0), await CountsAsync(comment.Id));
    }

    [Fact]
    public async Task Withdrawing_without_a_reaction_changes_nothing()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        var citizen = await _platform.RegisterParticipantAsync();

        var result = ResultAssert.Succeeded(await ReactAsync(comment.Id, citizen.Id, null));

        Assert.Equal((0L, 0L), (result.Agree, result.Disagree));
        Assert.Equal((0, 0), await CountsAsync(comment.Id));
    }

    [Fact]
    public async Task Two_participants_agreeing_count_twice()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        var first = await _platform.RegisterParticipantAsync();
        var second = await _platform.RegisterParticipantAsync();

        ResultAssert.Succeeded(await ReactAsync(comment.Id, first.Id, Reaction.Agree));
        var result = ResultAssert.Succeeded(await ReactAsync(comment.Id, second.Id, Reaction.Agree));

        Assert.Equal(2, result.Agree);
        Assert.Equal((2, 0), await CountsAsync(comment.Id));
        Assert.Equal(Reaction.Agree, (await _platform.Comments.GetReactionsAsync(first.Id, [comment.Id]))[comment.Id]);
        Assert.Equal(Reaction.Agree, (await _platform.Comments.GetReactionsAsync(second.Id, [comment.Id]))[comment.Id]);
    }

    [Fact]
    public async Task Reactions_to_a_reply_count_on_the_reply_only()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var parent = await _platform.PostCommentAsync(consultation);
        var reply = await _platform.PostCommentAsync(consultation, "A reply", parentId: parent.Id);
        var citizen = await _platform.RegisterParticipantAsync();

        ResultAssert.Succeeded(await ReactAsync(reply.Id, citizen.Id, Reaction.Disagree));

        Assert.Equal((0, 1), await CountsAsync(reply.Id));
        Assert.Equal((0, 0), await CountsAsync(parent.Id));
    }

    [Fact]
    public async Task A_verified_participant_can_react_where_a_verified_email_is_required()
    {
        var consultation = await _platform.CreateOpenConsultationAsync(IdentityPolicy.VerifiedEmailRequired);
        var author = await _platform.CreateVerifiedParticipantAsync();
        var comment = await _platform.PostCommentAsync(consultation, author: author);
        var verified = await _platform.CreateVerifiedParticipantAsync();

        ResultAssert.Succeeded(await ReactAsync(comment.Id, verified.Id, Reaction.Agree));

        Assert.Equal((1, 0), await CountsAsync(comment.Id));
    }

    // ---- Refused ----

    [Fact]
    public async Task React_is_refused_on_a_held_comment()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.SetCommentStatusAsync(await _platform.PostCommentAsync(consultation), CommentStatus.Held);
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await ReactAsync(comment.Id, citizen.Id, Reaction.Agree), "commentId", ErrorCodes.NotFound);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
        Assert.Empty(await _platform.Comments.GetReactionsAsync(citizen.Id, [comment.Id]));
    }

    [Fact]
    public async Task React_is_refused_when_the_consultation_is_closed()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        var citizen = await _platform.RegisterParticipantAsync();
        ResultAssert.Succeeded(await _platform.CloseConsultation.ExecuteAsync(new CloseConsultation.Request(consultation.Id), TestPlatform.Staff));
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await ReactAsync(comment.Id, citizen.Id, Reaction.Agree), "commentId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task React_is_refused_after_the_closing_date()
    {
        var consultation = await _platform.CreateOpenConsultationAsync(closesAt: ManualClock.Start.AddHours(1));
        var comment = await _platform.PostCommentAsync(consultation);
        var citizen = await _platform.RegisterParticipantAsync();
        _platform.Clock.Advance(TimeSpan.FromHours(2));
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await ReactAsync(comment.Id, citizen.Id, Reaction.Disagree), "commentId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public async Task React_is_refused_when_the_reaction_is_not_defined(int value)
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await ReactAsync(comment.Id, citizen.Id, (Reaction)value), "reaction", ErrorCodes.InvalidFormat);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task React_is_refused_when_the_comment_is_unknown()
    {
        var citizen = await _platform.RegisterParticipantAsync();
        ResultAssert.FailedOnly(await ReactAsync(Ids.New(), citizen.Id, Reaction.Agree), "commentId", ErrorCodes.NotFound);
    }

    [Fact]
    public async Task React_is_refused_for_an_anonymous_participant_when_a_verified_email_is_required()
    {
        var consultation = await _platform.CreateOpenConsultationAsync(IdentityPolicy.VerifiedEmailRequired);
        var comment = await _platform.PostCommentAsync(consultation, author: await _platform.CreateVerifiedParticipantAsync());
        var anonymous = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await ReactAsync(comment.Id, anonymous.Id, Reaction.Agree), "participantId", ErrorCodes.Forbidden);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task React_is_refused_for_an_unknown_participant()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await ReactAsync(comment.Id, Ids.New(), Reaction.Agree), "participantId", ErrorCodes.NotFound);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }
}
