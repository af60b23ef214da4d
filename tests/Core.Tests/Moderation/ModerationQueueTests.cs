using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Moderation;

/// <summary>
/// A held comment enters its organisation's queue; a moderator claims it (two racing, exactly one wins; an abandoned
/// claim lapses), then approves, rejects with a reason, escalates or promotes it; each decision moves the comment and is audited.
/// </summary>
public sealed class ModerationQueueTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly Actor Alice = Actor.Staff("moderator-alice");
    private static readonly Actor Bob = Actor.Staff("moderator-bob");

    private readonly TestPlatform _platform = new(db);

    /// <summary>A comment that screening held, and its queue item.</summary>
    private async Task<(Comment Comment, ModerationItem Item)> HeldCommentAsync()
    {
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold);
        var consultation = await _platform.CreateOpenConsultationAsync();
        var participant = (await _platform.RegisterParticipantAsync()).Id;
        var comment = ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(new(consultation.Id, participant, "Is this spam? Maybe.", "en")));
        var item = await _platform.ModerationItems.GetOpenAsync(TextKind.Comment, comment.Id);
        Assert.NotNull(item);
        return (comment, item);
    }

    private Task<Result<ModerationItem>> ClaimAsync(ModerationItem item, Actor who) =>
        _platform.ClaimModerationItem.ExecuteAsync(new(item.Id, item.OrganisationId), who);

    private Task<Result<ModerationItem>> DecideAsync(ModerationItem item, Actor who, ModerationAction action, string? reason = null) =>
        _platform.DecideModerationItem.ExecuteAsync(new(item.Id, item.OrganisationId, action, reason), who);

    [Fact]
    public async Task A_held_comment_is_stored_held_and_queued_with_its_reasons_and_the_queue_count_moves()
    {
        var (comment, item) = await HeldCommentAsync();

        Assert.Equal(CommentStatus.Held, comment.Status);
        Assert.Equal((ModerationItemStatus.Pending, ModerationSource.Screening, comment.OrganisationId, comment.Text),
            (item.Status, item.Source, item.OrganisationId, item.Text));
        Assert.NotEmpty(item.Reasons);
        Assert.Contains(LiveTopic.ModerationQueue(comment.OrganisationId), _platform.Live.Raised);
    }

    [Fact]
    public async Task A_comment_screening_rejects_is_refused_nothing_is_stored_or_queued_and_the_refusal_is_audited_without_the_text()
    {
        _platform.Screening = new ScriptedScreening(t => new ScreeningResult(ScreeningOutcome.Reject, t.Text, [new ScreeningReason("term.blocked", ReasonSeverity.Reject, "listed")]));
        var consultation = await _platform.CreateOpenConsultationAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await _platform.PostComment.ExecuteAsync(new(consultation.Id, (await _platform.RegisterParticipantAsync()).Id, "bad words", "en")),
            "text", ErrorCodes.Rejected);

        var after = await _platform.SnapshotAsync(consultation.OrganisationId);
        var added = after.Split('\n').Except(before.Split('\n')).ToList();
        Assert.Contains(AuditActions.ModerationAutoRejected, Assert.Single(added));
        Assert.Contains("term.blocked", added[0]);
        Assert.DoesNotContain("bad words", after);
        Assert.Empty(await _platform.ModerationItems.ListCreatedSinceAsync(consultation.OrganisationId, DateTimeOffset.MinValue, 10));
    }

    [Fact]
    public async Task Metrics_count_the_queue_automatic_and_human_decisions_and_time_to_decision()
    {
        var (_, first) = await HeldCommentAsync();
        var organisationId = first.OrganisationId;
        var consultation = first.ConsultationId!;
        var second = (await _platform.ModerationItems.GetOpenAsync(TextKind.Comment,
            ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(new(consultation, (await _platform.RegisterParticipantAsync()).Id, "Second", "en"))).Id))!;
        var third = (await _platform.ModerationItems.GetOpenAsync(TextKind.Comment,
            ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(new(consultation, (await _platform.RegisterParticipantAsync()).Id, "Third", "en"))).Id))!;
        _platform.Screening = new ScriptedScreening(t => new ScreeningResult(ScreeningOutcome.Reject, t.Text, [new ScreeningReason("term.blocked", ReasonSeverity.Reject, "x")]));
        await _platform.PostComment.ExecuteAsync(new(consultation, (await _platform.RegisterParticipantAsync()).Id, "Refused", "en"));

        _platform.Clock.Advance(TimeSpan.FromSeconds(60));
        await ClaimAsync(first, Alice);
        await DecideAsync(first, Alice, ModerationAction.Approve);
        _platform.Clock.Advance(TimeSpan.FromSeconds(60));
        await ClaimAsync(second, Alice);
        await DecideAsync(second, Alice, ModerationAction.Reject, "Off topic");
        await ClaimAsync(third, Bob);
        await DecideAsync(third, Bob, ModerationAction.Escalate, "Legal");

        var metrics = ResultAssert.Succeeded(await _platform.GetModerationMetrics.ExecuteAsync(new(organisationId)));

        Assert.Equal((0, 1, 3, 1), (metrics.QueueDepth, metrics.Escalated, metrics.AutomaticallyHeld, metrics.AutomaticallyRejected));
        Assert.Equal(1, metrics.HumanDecisions[ModerationDecision.Approved]);
        Assert.Equal(1, metrics.HumanDecisions[ModerationDecision.Rejected]);
        Assert.Equal((60.0, 120.0, 2), (metrics.TimeToDecisionSeconds!.P50, metrics.TimeToDecisionSeconds.P99, metrics.TimeToDecisionSeconds.Count));
        ResultAssert.FailedOnly(await _platform.GetModerationMetrics.ExecuteAsync(new(organisationId, 0)), "days", ErrorCodes.OutOfRange);
    }

    [Fact]
    public async Task Two_moderators_racing_for_one_item_exactly_one_wins()
    {
        for (var round = 0; round < 10; round++)
        {
            var (_, item) = await HeldCommentAsync();

            var results = await Task.WhenAll(ClaimAsync(item, Alice), ClaimAsync(item, Bob));

            Assert.Single(results, r => r.Succeeded);
            var loser = Assert.Single(results, r => !r.Succeeded);
            Assert.Contains(loser.Errors[0].Code, new[] { ErrorCodes.Conflict });
            var stored = (await _platform.ModerationItems.GetAsync(item.Id))!;
            Assert.Equal(results.Single(r => r.Succeeded).Value.ClaimedBy, stored.ClaimedBy);
        }
    }

    [Fact]
    public async Task A_claim_blocks_others_until_it_lapses_then_the_item_can_be_claimed_again()
    {
        var (_, item) = await HeldCommentAsync();
        ResultAssert.Succeeded(await ClaimAsync(item, Alice));

        ResultAssert.FailedOnly(await ClaimAsync(item, Bob), "itemId", ErrorCodes.Conflict);
        ResultAssert.FailedOnly(await DecideAsync(item, Bob, ModerationAction.Approve), "itemId", ErrorCodes.InvalidState);

        _platform.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var reclaimed = ResultAssert.Succeeded(await ClaimAsync(item, Bob));
        Assert.Equal(Bob.Id, reclaimed.ClaimedBy);
        ResultAssert.FailedOnly(await DecideAsync(item, Alice, ModerationAction.Approve), "itemId", ErrorCodes.InvalidState);
    }

    [Fact]
    public async Task Releasing_returns_the_item_at_once_and_only_the_holder_may_release()
    {
        var (_, item) = await HeldCommentAsync();
        await ClaimAsync(item, Alice);

        ResultAssert.FailedOnly(await _platform.ReleaseModerationItem.ExecuteAsync(new(item.Id, item.OrganisationId), Bob), "itemId", ErrorCodes.InvalidState);
        ResultAssert.Succeeded(await _platform.ReleaseModerationItem.ExecuteAsync(new(item.Id, item.OrganisationId), Alice));

        ResultAssert.Succeeded(await ClaimAsync(item, Bob));
    }

    [Fact]
    public async Task Deciding_needs_a_claim()
    {
        var (_, item) = await HeldCommentAsync();

        ResultAssert.FailedOnly(await DecideAsync(item, Alice, ModerationAction.Approve), "itemId", ErrorCodes.InvalidState);
    }

    [Theory]
    [InlineData(ModerationAction.Approve, ModerationDecision.Approved, CommentStatus.Published)]
    [InlineData(ModerationAction.Promote, ModerationDecision.Promoted, CommentStatus.Published)]
    [InlineData(ModerationAction.Reject, ModerationDecision.Rejected, CommentStatus.Rejected)]
    public async Task A_decision_moves_the_comment_closes_the_item_and_is_audited_with_who_and_why(
        ModerationAction action, ModerationDecision decision, CommentStatus commentStatus)
    {
        var (comment, item) = await HeldCommentAsync();
        await ClaimAsync(item, Alice);

        var decided = ResultAssert.Succeeded(await DecideAsync(item, Alice, action, "Reason given to the author"));

        Assert.Equal((ModerationItemStatus.Decided, decision, Alice.ToString()), (decided.Status, decided.Decision, decided.DecidedBy));
        Assert.Equal(commentStatus, (await _platform.Comments.GetAsync(comment.Id))!.Status);
        var entry = Assert.Single(await _platform.AuditTrailAsync(item.OrganisationId, item.Id));
        Assert.Equal((AuditActions.ModerationDecided, Alice), (entry.Action, entry.Actor));
        Assert.Contains("Reason given to the author", entry.Detail);
        Assert.Null(await _platform.ModerationItems.GetOpenAsync(TextKind.Comment, comment.Id));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_for_the_author_and_changes_nothing_without_one()
    {
        var (comment, item) = await HeldCommentAsync();
        await ClaimAsync(item, Alice);

        ResultAssert.FailedOnly(await DecideAsync(item, Alice, ModerationAction.Reject), "reason", ErrorCodes.Required);

        Assert.Equal(CommentStatus.Held, (await _platform.Comments.GetAsync(comment.Id))!.Status);
        Assert.Equal(ModerationItemStatus.Pending, (await _platform.ModerationItems.GetAsync(item.Id))!.Status);
    }

    [Fact]
    public async Task An_escalated_item_stays_open_unclaimed_and_the_comment_stays_held()
    {
        var (comment, item) = await HeldCommentAsync();
        await ClaimAsync(item, Alice);

        var escalated = ResultAssert.Succeeded(await DecideAsync(item, Alice, ModerationAction.Escalate, "Possible legal issue"));

        Assert.Equal((ModerationItemStatus.Escalated, (string?)null, (ModerationDecision?)null), (escalated.Status, escalated.ClaimedBy, escalated.Decision));
        Assert.Equal(CommentStatus.Held, (await _platform.Comments.GetAsync(comment.Id))!.Status);
    }

    [Fact]
    public async Task An_item_already_decided_or_of_another_organisation_cannot_be_acted_on()
    {
        var (_, item) = await HeldCommentAsync();
        await ClaimAsync(item, Alice);
        await DecideAsync(item, Alice, ModerationAction.Approve);

        ResultAssert.FailedOnly(await ClaimAsync(item, Bob), "itemId", ErrorCodes.InvalidState);
        ResultAssert.FailedOnly(await DecideAsync(item, Alice, ModerationAction.Reject, "late"), "itemId", ErrorCodes.InvalidState);

        var (_, other) = await HeldCommentAsync();
        ResultAssert.FailedOnly(await _platform.ClaimModerationItem.ExecuteAsync(new(other.Id, Ids.New()), Alice), "itemId", ErrorCodes.NotFound);
    }

    [Fact]
    public void Priority_puts_risk_before_reach_and_caps_reach()
    {
        Assert.True(ModerationPriority.Of(risk: 2, reach: 0) > ModerationPriority.Of(risk: 1, reach: 9));
        Assert.Equal(ModerationPriority.Of(1, 100), ModerationPriority.Of(1, 1_000_000));
        Assert.Equal(30, ModerationPriority.Risk([new ScreeningReason("a", ReasonSeverity.Hold, ""), new ScreeningReason("b", ReasonSeverity.Reject, "")], new Dictionary<string, int>()));
    }

    [Theory]
    [InlineData(ModerationAction.Approve, CommentStatus.Published)]
    [InlineData(ModerationAction.Reject, CommentStatus.Rejected)]
    public async Task A_held_rating_comment_takes_the_moderator_decision(ModerationAction action, CommentStatus expected)
    {
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold);
        var service = await _platform.CreateServiceAsync();
        var rating = ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new(service.Id, 2, "en", "The queue was long")));
        var item = (await _platform.ModerationItems.GetOpenAsync(TextKind.RatingComment, rating.Id))!;
        Assert.Equal(CommentStatus.Held, rating.CommentStatus);

        await ClaimAsync(item, Alice);
        ResultAssert.Succeeded(await DecideAsync(item, Alice, action, "Reason"));

        var stored = (await _platform.Ratings.ListAsync(service.Id, PageRequest.First(10))).Items.Single();
        Assert.Equal(expected, stored.CommentStatus);
        Assert.Equal(2, stored.Score);
    }

    [Fact]
    public async Task Promoting_publishes_the_text_and_proposes_a_backlog_item_from_it_or_attaches_it_to_the_one_named()
    {
        var (comment, item) = await HeldCommentAsync();
        ResultAssert.Succeeded(await ClaimAsync(item, Alice));

        var promoted = ResultAssert.Succeeded(await DecideAsync(item, Alice, ModerationAction.Promote));

        var proposed = await _platform.Backlog.GetAsync(promoted.PromotedTo!);
        Assert.NotNull(proposed);
        Assert.Equal((Engagement.Core.Backlog.BacklogStatus.Proposed, comment.Text, item.OrganisationId), (proposed.Status, proposed.Title, proposed.OrganisationId));
        Assert.Equal([(Engagement.Core.Backlog.EvidenceKind.Comment, comment.Id)], proposed.Evidence.Select(e => (e.Kind, e.TargetId)));
        Assert.Equal(CommentStatus.Published, (await _platform.Comments.GetAsync(comment.Id))!.Status);

        var (second, secondItem) = await HeldCommentAsync();
        var other = await NewBacklogTargetAsync(secondItem.OrganisationId);
        ResultAssert.Succeeded(await ClaimAsync(secondItem, Alice));
        ResultAssert.Failed(await _platform.DecideModerationItem.ExecuteAsync(new(secondItem.Id, secondItem.OrganisationId, ModerationAction.Promote, BacklogItemId: Ids.New()), Alice),
            "backlogItemId", ErrorCodes.NotFound);
        ResultAssert.Failed(await _platform.DecideModerationItem.ExecuteAsync(new(secondItem.Id, secondItem.OrganisationId, ModerationAction.Approve, BacklogItemId: other.Id), Alice),
            "backlogItemId", ErrorCodes.InvalidFormat);
        Assert.Equal(ModerationItemStatus.Pending, (await _platform.ModerationItems.GetAsync(secondItem.Id))!.Status);
        var attached = ResultAssert.Succeeded(await _platform.DecideModerationItem.ExecuteAsync(
            new(secondItem.Id, secondItem.OrganisationId, ModerationAction.Promote, BacklogItemId: other.Id), Alice));

        Assert.Equal(other.Id, attached.PromotedTo);
        Assert.Contains((await _platform.Backlog.GetAsync(other.Id))!.Evidence, e => e.TargetId == second.Id);
    }

    private async Task<Engagement.Core.Backlog.BacklogItem> NewBacklogTargetAsync(string organisationId) =>
        ResultAssert.Succeeded(await _platform.CreateBacklogItem.ExecuteAsync(new(organisationId, "Existing item", ""), Bob));
}
