using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Moderation;
using Engagement.Core.Ratings;
using Engagement.Core.Screening;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Moderation;

/// <summary>
/// A process that died between writing a held text and its queue item leaves the text held and unqueued; the start-up
/// sweep queues it once, with a reason saying so, and leaves alone texts already queued or written after the start.
/// </summary>
public sealed class RequeueUnqueuedTextsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private Comment Unqueued(Consultation consultation, CommentStatus status, string? parentId = null) => new()
    {
        Id = Ids.New(),
        ConsultationId = consultation.Id,
        OrganisationId = consultation.OrganisationId,
        ParentId = parentId,
        ParticipantId = Ids.New(),
        Text = $"Written just before the crash ({status}).",
        Language = "en",
        Status = status,
        CreatedAt = _platform.Clock.GetUtcNow(),
        UpdatedAt = _platform.Clock.GetUtcNow(),
    };

    [Fact]
    public async Task Held_and_hidden_texts_without_an_open_item_are_queued_once_and_a_moderator_can_decide_them()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var service = await _platform.CreateServiceAsync(consultation.OrganisationId);
        var heldComment = Unqueued(consultation, CommentStatus.Held);
        var hiddenReply = Unqueued(consultation, CommentStatus.Hidden, heldComment.Id);
        var heldRating = new ServiceRating
        {
            Id = Ids.New(), ServiceId = service.Id, OrganisationId = service.OrganisationId, Score = 1, Comment = "Call me, it is urgent!!!",
            CommentStatus = CommentStatus.Held, Language = "en", CreatedAt = _platform.Clock.GetUtcNow(),
        };
        await _platform.Comments.TryAddAsync(heldComment);
        await _platform.Comments.TryAddAsync(hiddenReply);
        await _platform.Ratings.TryAddAsync(heldRating);
        // Queued as it should be: the sweep leaves it (and its reasons) alone.
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold);
        var participant = (await _platform.RegisterParticipantAsync()).Id;
        var queuedNormally = ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(new(consultation.Id, participant, "Held and queued.", "en")));
        var restartedAt = _platform.Clock.GetUtcNow().AddSeconds(1);
        _platform.Clock.Advance(TimeSpan.FromSeconds(2));
        // Written by the new process after it started: its own request queues it.
        await _platform.Comments.TryAddAsync(Unqueued(consultation, CommentStatus.Held));
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Publish);

        Assert.Equal(3, await _platform.RequeueUnqueuedTexts.ExecuteAsync(restartedAt));
        Assert.Equal(0, await _platform.RequeueUnqueuedTexts.ExecuteAsync(restartedAt));

        foreach (var (kind, id, text) in new[]
        {
            (TextKind.Comment, heldComment.Id, heldComment.Text), (TextKind.Reply, hiddenReply.Id, hiddenReply.Text),
            (TextKind.RatingComment, heldRating.Id, heldRating.Comment),
        })
        {
            var item = await _platform.ModerationItems.GetOpenAsync(kind, id);
            Assert.NotNull(item);
            Assert.Equal((ModerationItemStatus.Pending, consultation.OrganisationId, text), (item.Status, item.OrganisationId, item.Text));
            Assert.Contains(item.Reasons, r => r.Code == RequeueUnqueuedTexts.RecoveredReason && r.Severity == ReasonSeverity.Hold);
        }
        var normal = await _platform.ModerationItems.GetOpenAsync(TextKind.Comment, queuedNormally.Id);
        Assert.DoesNotContain(normal!.Reasons, r => r.Code == RequeueUnqueuedTexts.RecoveredReason);
        Assert.Equal(4, await _platform.ModerationItems.CountAsync(consultation.OrganisationId, ModerationItemStatus.Pending));

        var recovered = (await _platform.ModerationItems.GetOpenAsync(TextKind.Comment, heldComment.Id))!;
        ResultAssert.Succeeded(await _platform.ClaimModerationItem.ExecuteAsync(new(recovered.Id, recovered.OrganisationId), TestPlatform.Staff));
        ResultAssert.Succeeded(await _platform.DecideModerationItem.ExecuteAsync(
            new(recovered.Id, recovered.OrganisationId, ModerationAction.Approve, null), TestPlatform.Staff));
        Assert.Equal(CommentStatus.Published, (await _platform.Comments.GetAsync(heldComment.Id))!.Status);
    }
}
