using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Live;
using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using Engagement.Core.Tallies;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Moderation;

/// <summary>
/// Citizens report published comments, once each; at the threshold the comment is hidden pending review and queued,
/// below it the reports still reach an open item; a moderator's decision publishes or rejects it, and reports then count afresh.
/// </summary>
public sealed class ReportCommentTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly Actor Alice = Actor.Staff("moderator-alice");

    private readonly TestPlatform _platform = new(db);

    private async Task<Comment> PublishedCommentAsync(IdentityPolicy policy = IdentityPolicy.AnonymousAllowed)
    {
        var consultation = await _platform.CreateOpenConsultationAsync(policy);
        return await _platform.PostCommentAsync(consultation, "Call the bike office, they never answer.");
    }

    private async Task<CommentStatus> StatusOfAsync(Comment comment) => (await _platform.Comments.GetAsync(comment.Id))!.Status;

    private Task<ModerationItem?> OpenItemAsync(Comment comment) => _platform.ModerationItems.GetOpenAsync(TextKind.Comment, comment.Id);

    private async Task<ModerationItem> ClaimAndDecideAsync(ModerationItem item, ModerationAction action, string? reason = null)
    {
        ResultAssert.Succeeded(await _platform.ClaimModerationItem.ExecuteAsync(new(item.Id, item.OrganisationId), Alice));
        return ResultAssert.Succeeded(await _platform.DecideModerationItem.ExecuteAsync(new(item.Id, item.OrganisationId, action, reason), Alice));
    }

    [Fact]
    public async Task A_report_is_stored_with_its_reason_and_the_participant_and_below_the_threshold_changes_nothing_else()
    {
        var comment = await PublishedCommentAsync();
        var reporter = await _platform.RegisterParticipantAsync();
        _platform.Live.Clear();

        var report = ResultAssert.Succeeded(await _platform.ReportCommentAsync(comment, ReportReason.OffTopic, reporter));

        Assert.Equal((comment.Id, reporter.Id, ReportReason.OffTopic, _platform.Clock.GetUtcNow()), (report.CommentId, report.ParticipantId, report.Reason, report.At));
        Assert.Equal(1, (await _platform.CommentReports.CountAsync(comment.Id, comment.CreatedAt))[ReportReason.OffTopic]);
        Assert.Equal(CommentStatus.Published, await StatusOfAsync(comment));
        Assert.Null(await OpenItemAsync(comment));
        Assert.Empty(_platform.Live.Raised);
        Assert.Empty(await _platform.AuditTrailAsync(comment.OrganisationId, comment.Id));
    }

    [Fact]
    public async Task Two_reports_from_the_same_participant_count_once()
    {
        var comment = await PublishedCommentAsync();
        var reporter = await _platform.RegisterParticipantAsync();
        ResultAssert.Succeeded(await _platform.ReportCommentAsync(comment, ReportReason.Spam, reporter));

        ResultAssert.FailedOnly(await _platform.ReportCommentAsync(comment, ReportReason.Spam, reporter), "commentId", ErrorCodes.Duplicate);
        ResultAssert.FailedOnly(await _platform.ReportCommentAsync(comment, ReportReason.Offensive, reporter), "commentId", ErrorCodes.Duplicate);
        ResultAssert.Succeeded(await _platform.ReportCommentAsync(comment));

        Assert.Equal(new Dictionary<ReportReason, int> { [ReportReason.Spam] = 2 }, await _platform.CommentReports.CountAsync(comment.Id, comment.CreatedAt));
        Assert.Equal(CommentStatus.Published, await StatusOfAsync(comment));
        Assert.Null(await OpenItemAsync(comment));
    }

    [Fact]
    public async Task The_third_distinct_report_hides_the_comment_queues_it_with_its_counts_by_reason_raises_both_topics_and_is_audited_as_the_system()
    {
        var comment = await PublishedCommentAsync();
        await _platform.ReportCommentAsync(comment, ReportReason.Spam);
        await _platform.ReportCommentAsync(comment, ReportReason.PersonalInformation);
        Assert.Equal(CommentStatus.Published, await StatusOfAsync(comment));
        _platform.Live.Clear();

        ResultAssert.Succeeded(await _platform.ReportCommentAsync(comment, ReportReason.Spam));

        Assert.Equal(CommentStatus.Hidden, await StatusOfAsync(comment));
        var item = await OpenItemAsync(comment);
        Assert.NotNull(item);
        Assert.Equal((ModerationSource.Reports, ModerationItemStatus.Pending, comment.OrganisationId, comment.ConsultationId, comment.Text, comment.Language),
            (item.Source, item.Status, item.OrganisationId, item.ConsultationId, item.Text, item.Language));
        Assert.Equal(new Dictionary<string, int> { ["spam"] = 2, ["personal_information"] = 1 }, item.Reports);
        Assert.Empty(item.Reasons);
        Assert.Equal(15, item.Risk);
        Assert.Contains(LiveTopic.Consultation(comment.ConsultationId), _platform.Live.Raised);
        Assert.Contains(LiveTopic.ModerationQueue(comment.OrganisationId), _platform.Live.Raised);
        var entry = Assert.Single(await _platform.AuditTrailAsync(comment.OrganisationId, comment.Id));
        Assert.Equal((AuditActions.CommentStatusChanged, Actor.System), (entry.Action, entry.Actor));
        Assert.Contains("Hidden", entry.Detail);
        Assert.Contains(item.Id, (await _platform.ModerationItems.ListAsync(comment.OrganisationId, ModerationItemStatus.Pending, 10)).Select(i => i.Id));
    }

    [Fact]
    public async Task A_hidden_comment_is_not_listed_publicly_nor_counted_as_published()
    {
        var comment = await PublishedCommentAsync();
        var other = await _platform.PostCommentAsync((await _platform.Consultations.GetAsync(comment.ConsultationId))!, "Another view.");

        for (var i = 0; i < 3; i++)
            await _platform.ReportCommentAsync(comment);

        var thread = ResultAssert.Succeeded(await _platform.ListComments.ExecuteAsync(new(comment.ConsultationId)));
        Assert.Equal([other.Id], thread.Items.Select(i => i.Comment.Id));
        var tally = await _platform.TallyAsync(TallyScopes.Consultation(comment.ConsultationId));
        Assert.Equal((1L, 1L), (tally[CommentTallies.StatusBucket(false, CommentStatus.Published)], tally[CommentTallies.StatusBucket(false, CommentStatus.Hidden)]));
    }

    [Fact]
    public async Task Reporting_a_held_hidden_rejected_or_unknown_comment_is_refused_and_stores_nothing()
    {
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold);
        var held = await _platform.PostCommentAsync(await _platform.CreateOpenConsultationAsync());
        _platform.Screening = new NoScreening();
        var hidden = await _platform.SetCommentStatusAsync(await PublishedCommentAsync(), CommentStatus.Hidden);
        var rejected = await _platform.SetCommentStatusAsync(await PublishedCommentAsync(), CommentStatus.Rejected);
        var unknown = hidden with { Id = Ids.New() };

        foreach (var comment in new[] { held, hidden, rejected, unknown })
        {
            ResultAssert.FailedOnly(await _platform.ReportCommentAsync(comment), "commentId", ErrorCodes.NotFound);
            Assert.Empty(await _platform.CommentReports.CountAsync(comment.Id, DateTimeOffset.MinValue));
        }
        Assert.Equal(CommentStatus.Held, await StatusOfAsync(held));
        Assert.Equal(ModerationSource.Screening, (await OpenItemAsync(held))!.Source);
    }

    [Fact]
    public async Task An_unknown_reason_participant_or_one_the_consultation_does_not_admit_is_refused()
    {
        var comment = await PublishedCommentAsync();
        var verifiedOnly = await _platform.PostCommentAsync(
            await _platform.CreateOpenConsultationAsync(IdentityPolicy.VerifiedEmailRequired), author: await _platform.CreateVerifiedParticipantAsync());

        ResultAssert.FailedOnly(await _platform.ReportComment.ExecuteAsync(new(comment.Id, (await _platform.RegisterParticipantAsync()).Id, (ReportReason)42)),
            "reason", ErrorCodes.InvalidFormat);
        ResultAssert.FailedOnly(await _platform.ReportComment.ExecuteAsync(new(comment.Id, Ids.New(), ReportReason.Spam)), "participantId", ErrorCodes.NotFound);
        ResultAssert.FailedOnly(await _platform.ReportCommentAsync(verifiedOnly), "participantId", ErrorCodes.Forbidden);
        ResultAssert.Succeeded(await _platform.ReportCommentAsync(verifiedOnly, reporter: await _platform.CreateVerifiedParticipantAsync()));

        Assert.Empty(await _platform.CommentReports.CountAsync(comment.Id, DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task A_comment_on_a_closed_consultation_can_still_be_reported()
    {
        var comment = await PublishedCommentAsync();
        ResultAssert.Succeeded(await _platform.CloseConsultation.ExecuteAsync(new(comment.ConsultationId), TestPlatform.Staff));

        ResultAssert.Succeeded(await _platform.ReportCommentAsync(comment));
    }

    [Fact]
    public async Task Reports_below_the_threshold_update_an_open_items_counts_and_risk_keeping_its_claim_and_source()
    {
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold);
        var comment = await _platform.PostCommentAsync(await _platform.CreateOpenConsultationAsync());
        // Staff published it by hand, so the screening item is still open while citizens can see (and report) it.
        await _platform.SetCommentStatusAsync(comment, CommentStatus.Published);
        var before = (await OpenItemAsync(comment))!;
        ResultAssert.Succeeded(await _platform.ClaimModerationItem.ExecuteAsync(new(before.Id, before.OrganisationId), Alice));
        _platform.Live.Clear();

        await _platform.ReportCommentAsync(comment, ReportReason.Offensive);

        var after = (await OpenItemAsync(comment))!;
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(new Dictionary<string, int> { ["offensive"] = 1 }, after.Reports);
        Assert.Equal(before.Risk + 5, after.Risk);
        Assert.Equal((ModerationSource.Screening, Alice.Id, before.Version + 2), (after.Source, after.ClaimedBy, after.Version));
        Assert.Equal(CommentStatus.Published, await StatusOfAsync(comment));
        Assert.Equal([LiveTopic.ModerationQueue(comment.OrganisationId)], _platform.Live.Raised);
    }

    [Fact]
    public async Task The_threshold_is_the_hosts_to_set()
    {
        _platform.ReportOptions = new ReportOptions { Threshold = 1 };
        var comment = await PublishedCommentAsync();

        await _platform.ReportCommentAsync(comment, ReportReason.PersonalInformation);

        Assert.Equal(CommentStatus.Hidden, await StatusOfAsync(comment));
        Assert.Equal(new Dictionary<string, int> { ["personal_information"] = 1 }, (await OpenItemAsync(comment))!.Reports);
    }

    [Theory]
    [InlineData(ModerationAction.Approve, CommentStatus.Published)]
    [InlineData(ModerationAction.Promote, CommentStatus.Published)]
    [InlineData(ModerationAction.Reject, CommentStatus.Rejected)]
    public async Task Deciding_a_reported_item_publishes_the_comment_again_or_rejects_it(ModerationAction action, CommentStatus expected)
    {
        var comment = await PublishedCommentAsync();
        for (var i = 0; i < 3; i++)
            await _platform.ReportCommentAsync(comment);

        await ClaimAndDecideAsync((await OpenItemAsync(comment))!, action, "Looked at the reports");

        Assert.Equal(expected, await StatusOfAsync(comment));
        Assert.Null(await OpenItemAsync(comment));
    }

    [Fact]
    public async Task After_a_moderator_publishes_it_again_only_as_many_new_reports_hide_it_again()
    {
        var comment = await PublishedCommentAsync();
        for (var i = 0; i < 3; i++)
            await _platform.ReportCommentAsync(comment);
        _platform.Clock.Advance(TimeSpan.FromMinutes(30));
        await ClaimAndDecideAsync((await OpenItemAsync(comment))!, ModerationAction.Approve);
        _platform.Clock.Advance(TimeSpan.FromMinutes(30));

        await _platform.ReportCommentAsync(comment, ReportReason.OffTopic);
        await _platform.ReportCommentAsync(comment, ReportReason.OffTopic);
        Assert.Equal(CommentStatus.Published, await StatusOfAsync(comment));
        Assert.Null(await OpenItemAsync(comment));

        await _platform.ReportCommentAsync(comment, ReportReason.Offensive);

        Assert.Equal(CommentStatus.Hidden, await StatusOfAsync(comment));
        Assert.Equal(new Dictionary<string, int> { ["off_topic"] = 2, ["offensive"] = 1 }, (await OpenItemAsync(comment))!.Reports);
    }

    [Fact]
    public async Task Many_reports_at_once_hide_the_comment_once_and_open_one_item_that_counts_every_report_taken()
    {
        for (var round = 0; round < 5; round++)
        {
            var comment = await PublishedCommentAsync();
            var reporters = new List<Core.Participants.Participant>();
            for (var i = 0; i < 8; i++)
                reporters.Add(await _platform.RegisterParticipantAsync());

            var results = await Task.WhenAll(reporters.Select(r => Task.Run(() => _platform.ReportCommentAsync(comment, ReportReason.Spam, r))));

            var taken = results.Count(r => r.Succeeded);
            Assert.True(taken >= 3, $"Only {taken} reports were taken.");
            Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCodes.NotFound, r.Errors[0].Code));
            Assert.Equal(CommentStatus.Hidden, await StatusOfAsync(comment));
            Assert.Equal(taken, (await OpenItemAsync(comment))!.Reports["spam"]);
            Assert.Single(await _platform.AuditTrailAsync(comment.OrganisationId, comment.Id));
        }
    }
}
