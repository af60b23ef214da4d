using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Tallies;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Comments;

/// <summary>Staff moving a comment between statuses: tallies follow and every change is audited.</summary>
public sealed class ChangeCommentStatusTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private Task<Result<Comment>> ChangeAsync(string commentId, CommentStatus status, string? reason = null) =>
        _platform.ChangeCommentStatus.ExecuteAsync(new ChangeCommentStatus.Request(commentId, status, reason), TestPlatform.Staff);

    private async Task<IReadOnlyDictionary<string, long>> CountsAsync(Consultation consultation) =>
        (await _platform.TallyAsync(TallyScopes.Consultation(consultation.Id))).Counts
            .Where(c => c.Value != 0).ToDictionary(c => c.Key, c => c.Value);

    [Fact]
    public async Task Holding_a_comment_moves_it_between_buckets_and_audits_the_reason()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        _platform.Clock.Advance(TimeSpan.FromMinutes(3));

        var held = ResultAssert.Succeeded(await ChangeAsync(comment.Id, CommentStatus.Held, "Possible phone number"));

        Assert.Equal(CommentStatus.Held, held.Status);
        var stored = await _platform.Comments.GetAsync(comment.Id);
        Assert.Equal((CommentStatus.Held, ManualClock.Start.AddMinutes(3)), (stored!.Status, stored.UpdatedAt));
        Assert.Equal(new Dictionary<string, long> { ["comments.held"] = 1 }, await CountsAsync(consultation));
        var entry = Assert.Single(await _platform.AuditTrailAsync(consultation.OrganisationId, comment.Id));
        Assert.Equal((AuditActions.CommentStatusChanged, "comment", TestPlatform.Staff), (entry.Action, entry.TargetType, entry.Actor));
        Assert.Contains("Possible phone number", entry.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CommentStatus.Rejected)]
    [InlineData(CommentStatus.Hidden)]
    public async Task Rejecting_or_hiding_a_comment_with_a_reason_moves_its_bucket(CommentStatus status)
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);

        ResultAssert.Succeeded(await ChangeAsync(comment.Id, status, "Personal attack"));

        Assert.Equal(
            new Dictionary<string, long> { [$"comments.{status.ToString().ToLowerInvariant()}"] = 1 },
            await CountsAsync(consultation));
    }

    [Fact]
    public async Task Publishing_a_held_comment_needs_no_reason_and_moves_it_back()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.SetCommentStatusAsync(await _platform.PostCommentAsync(consultation), CommentStatus.Held);

        ResultAssert.Succeeded(await ChangeAsync(comment.Id, CommentStatus.Published));

        Assert.Equal(new Dictionary<string, long> { ["comments.published"] = 1 }, await CountsAsync(consultation));
        Assert.Equal(2, (await _platform.AuditTrailAsync(consultation.OrganisationId, comment.Id)).Count);
    }

    [Fact]
    public async Task Changing_the_status_of_a_reply_moves_the_reply_buckets()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var parent = await _platform.PostCommentAsync(consultation);
        var reply = await _platform.PostCommentAsync(consultation, "A reply", parentId: parent.Id);

        ResultAssert.Succeeded(await ChangeAsync(reply.Id, CommentStatus.Hidden, "Spam"));

        Assert.Equal(
            new Dictionary<string, long> { ["comments.published"] = 1, ["replies.hidden"] = 1 },
            await CountsAsync(consultation));
    }

    [Fact]
    public async Task Setting_the_status_a_comment_already_has_changes_nothing()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        var result = ResultAssert.Succeeded(await ChangeAsync(comment.Id, CommentStatus.Published, "Already fine"));

        Assert.Equal(CommentStatus.Published, result.Status);
        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Theory]
    [InlineData(CommentStatus.Rejected, null)]
    [InlineData(CommentStatus.Rejected, "")]
    [InlineData(CommentStatus.Hidden, null)]
    [InlineData(CommentStatus.Hidden, "   ")]
    public async Task Change_is_refused_when_a_rejection_or_hiding_has_no_reason(CommentStatus status, string? reason)
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await ChangeAsync(comment.Id, status, reason), "reason", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task Change_is_refused_when_the_reason_is_too_long()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await ChangeAsync(comment.Id, CommentStatus.Rejected, new string('r', TextLimits.AuditDetail + 1)), "reason", ErrorCodes.TooLong);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task Change_is_refused_when_the_status_is_not_defined()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await ChangeAsync(comment.Id, (CommentStatus)99, "Why not"), "status", ErrorCodes.InvalidFormat);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task Change_is_refused_when_the_comment_is_unknown()
    {
        ResultAssert.FailedOnly(await ChangeAsync(Ids.New(), CommentStatus.Held, "Check"), "commentId", ErrorCodes.NotFound);
    }
}
