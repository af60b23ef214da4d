using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Moderation;

/// <summary>
/// A moderator holding the claim replaces a held or hidden comment's text and approves it: the comment is published with
/// the new text, the item keeps only the new text, and the audit trail records the redaction by its lengths, never the
/// removed text.
/// </summary>
public sealed class RedactAndApproveTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const string Original = "Call Jane at 613-555-0199 about the lanes on Main Street.";
    private const string Redacted = "Call [phone] about the lanes on Main Street.";
    private const string Removed = "613-555-0199";

    private static readonly Actor Alice = Actor.Staff("moderator-alice");
    private static readonly Actor Bob = Actor.Staff("moderator-bob");

    private readonly TestPlatform _platform = new(db);

    private async Task<(Comment Comment, ModerationItem Item)> HeldCommentAsync(string text = Original)
    {
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold);
        var comment = await _platform.PostCommentAsync(await _platform.CreateOpenConsultationAsync(), text);
        _platform.Screening = new NoScreening();
        var item = (await _platform.ModerationItems.GetOpenAsync(TextKind.Comment, comment.Id))!;
        ResultAssert.Succeeded(await _platform.ClaimModerationItem.ExecuteAsync(new(item.Id, item.OrganisationId), Alice));
        return (comment, item);
    }

    private Task<Result<ModerationItem>> RedactAsync(ModerationItem item, string? text, Actor? who = null, string? reason = null) =>
        _platform.DecideModerationItem.ExecuteAsync(new(item.Id, item.OrganisationId, ModerationAction.RedactAndApprove, reason, text), who ?? Alice);

    [Fact]
    public async Task Redacting_replaces_the_text_publishes_the_comment_and_decides_the_item_with_the_new_text()
    {
        var (comment, item) = await HeldCommentAsync();
        _platform.Clock.Advance(TimeSpan.FromMinutes(3));
        _platform.Live.Clear();

        var decided = ResultAssert.Succeeded(await RedactAsync(item, Redacted, reason: "Phone number removed"));

        Assert.Equal((ModerationItemStatus.Decided, ModerationDecision.RedactedAndApproved, Redacted, Alice.ToString(), (string?)null),
            (decided.Status, decided.Decision, decided.Text, decided.DecidedBy, decided.ClaimedBy));
        Same(decided, (await _platform.ModerationItems.GetAsync(item.Id))!);
        var stored = (await _platform.Comments.GetAsync(comment.Id))!;
        Assert.Equal((Redacted, CommentStatus.Published, _platform.Clock.GetUtcNow()), (stored.Text, stored.Status, stored.UpdatedAt));
        var thread = ResultAssert.Succeeded(await _platform.ListComments.ExecuteAsync(new(comment.ConsultationId)));
        Assert.Equal([Redacted], thread.Items.Select(i => i.Comment.Text));
        Assert.Contains(LiveTopic.Consultation(comment.ConsultationId), _platform.Live.Raised);
        Assert.Contains(LiveTopic.ModerationQueue(comment.OrganisationId), _platform.Live.Raised);
    }

    [Fact]
    public async Task The_audit_entry_says_the_text_was_redacted_with_its_lengths_and_never_holds_the_removed_text()
    {
        var (comment, item) = await HeldCommentAsync();

        await RedactAsync(item, Redacted, reason: "Personal information");

        var entry = Assert.Single(await _platform.AuditTrailAsync(item.OrganisationId, item.Id));
        Assert.Equal((AuditActions.ModerationDecided, Alice), (entry.Action, entry.Actor));
        Assert.Contains("redacted", entry.Detail);
        Assert.Contains($"{Original.Length} -> {Redacted.Length}", entry.Detail);
        Assert.Contains("Personal information", entry.Detail);
        // Nothing the organisation holds (comments, audit trail, the item) keeps the number the moderator took out.
        Assert.DoesNotContain(Removed, await _platform.SnapshotAsync(comment.OrganisationId));
        Assert.DoesNotContain(Removed, (await _platform.ModerationItems.GetAsync(item.Id))!.Text);
    }

    [Fact]
    public async Task A_reported_hidden_comment_can_be_redacted_and_published()
    {
        var comment = await _platform.PostCommentAsync(await _platform.CreateOpenConsultationAsync(), Original);
        for (var i = 0; i < 3; i++)
            await _platform.ReportCommentAsync(comment, ReportReason.PersonalInformation);
        var item = (await _platform.ModerationItems.GetOpenAsync(TextKind.Comment, comment.Id))!;
        await _platform.ClaimModerationItem.ExecuteAsync(new(item.Id, item.OrganisationId), Alice);

        ResultAssert.Succeeded(await RedactAsync(item, Redacted));

        var stored = (await _platform.Comments.GetAsync(comment.Id))!;
        Assert.Equal((Redacted, CommentStatus.Published), (stored.Text, stored.Status));
    }

    [Theory]
    [InlineData(null, ErrorCodes.Required)]
    [InlineData("   ", ErrorCodes.Required)]
    [InlineData("Bad \u0007 bell", ErrorCodes.InvalidFormat)]
    [InlineData("Escape \u001b[31m red", ErrorCodes.InvalidFormat)]
    public async Task A_redaction_needs_a_text_valid_as_a_comment_and_changes_nothing_without_one(string? text, string code)
    {
        var (comment, item) = await HeldCommentAsync();
        var before = await _platform.SnapshotAsync(comment.OrganisationId);

        ResultAssert.FailedOnly(await RedactAsync(item, text), "redactedText", code);

        Assert.Equal(before, await _platform.SnapshotAsync(comment.OrganisationId));
        Assert.Equal((ModerationItemStatus.Pending, Original), ((await _platform.ModerationItems.GetAsync(item.Id))!.Status, (await _platform.ModerationItems.GetAsync(item.Id))!.Text));
    }

    [Fact]
    public async Task A_redacted_text_longer_than_a_comment_may_be_is_refused()
    {
        var (_, item) = await HeldCommentAsync();

        ResultAssert.FailedOnly(await RedactAsync(item, new string('a', TextLimits.Comment + 1)), "redactedText", ErrorCodes.TooLong);
    }

    [Fact]
    public async Task A_redacted_text_goes_only_with_the_redact_action()
    {
        var (comment, item) = await HeldCommentAsync();

        ResultAssert.FailedOnly(await _platform.DecideModerationItem.ExecuteAsync(new(item.Id, item.OrganisationId, ModerationAction.Approve, null, Redacted), Alice),
            "redactedText", ErrorCodes.InvalidFormat);

        Assert.Equal((Original, CommentStatus.Held), ((await _platform.Comments.GetAsync(comment.Id))!.Text, (await _platform.Comments.GetAsync(comment.Id))!.Status));
    }

    [Fact]
    public async Task Redacting_needs_the_claim_like_every_decision()
    {
        var (comment, item) = await HeldCommentAsync();

        ResultAssert.FailedOnly(await RedactAsync(item, Redacted, Bob), "itemId", ErrorCodes.InvalidState);

        Assert.Equal(Original, (await _platform.Comments.GetAsync(comment.Id))!.Text);
    }

    [Fact]
    public async Task A_rating_comment_cannot_be_redacted_yet_and_stays_as_it_was()
    {
        var service = await _platform.CreateServiceAsync();
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold);
        ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new(service.Id, 2, "en", Original)));
        var item = Assert.Single(await _platform.ModerationItems.ListAsync(service.OrganisationId, ModerationItemStatus.Pending, 10));
        await _platform.ClaimModerationItem.ExecuteAsync(new(item.Id, item.OrganisationId), Alice);

        ResultAssert.FailedOnly(await RedactAsync(item, Redacted), "action", ErrorCodes.InvalidState);

        Assert.Equal((ModerationItemStatus.Pending, Original), ((await _platform.ModerationItems.GetAsync(item.Id))!.Status, (await _platform.ModerationItems.GetAsync(item.Id))!.Text));
    }

    private static void Same(ModerationItem expected, ModerationItem actual) =>
        Assert.Equal((expected.Id, expected.Status, expected.Decision, expected.Text, expected.Version), (actual.Id, actual.Status, actual.Decision, actual.Text, actual.Version));
}
