using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Ratings;
using Engagement.Core.Screening;

namespace Engagement.Core.Moderation;

/// <summary>
/// Queues every text that waits for a moderator but has no open queue item. A text's item is written after the text, so
/// a process that dies in between leaves it held (never shown) and unqueued; run at start-up over texts written before
/// the process started, this finds them. Returns how many it queued.
/// </summary>
/// <remarks>
/// Screening's reasons lived only in the lost item, so the stored (already masked) text is screened again without its
/// author (pace cannot be judged afterwards), and a reason says the item was recovered. Survey answers are left out:
/// a held answer is never shown to the public, so nothing waits on it.
/// </remarks>
public sealed class RequeueUnqueuedTexts(
    ICommentStore comments, IRatingStore ratings, IModerationItemStore items, ITextScreening screening, ModerationQueue queue)
    : IUseCase
{
    public const string RecoveredReason = "moderation.recovered";
    private const int PageSize = 200;

    public async Task<int> ExecuteAsync(DateTimeOffset writtenBefore, CancellationToken ct = default)
    {
        var queued = 0;
        PageCursor? after = null;
        do
        {
            var page = await comments.ListAwaitingReviewAsync(writtenBefore, new PageRequest(after, PageSize), ct);
            foreach (var comment in page.Items)
            {
                var kind = comment.IsReply ? TextKind.Reply : TextKind.Comment;
                if (await items.GetOpenAsync(kind, comment.Id, ct) is null
                    && await QueueAsync(comment.OrganisationId, kind, comment.Id, comment.ConsultationId, comment.Text, comment.Language, ct))
                    queued++;
            }
            after = page.Next;
        }
        while (after is not null);

        do
        {
            var page = await ratings.ListHeldCommentsAsync(writtenBefore, new PageRequest(after, PageSize), ct);
            foreach (var rating in page.Items)
            {
                if (rating.Comment is not null && await items.GetOpenAsync(TextKind.RatingComment, rating.Id, ct) is null
                    && await QueueAsync(rating.OrganisationId, TextKind.RatingComment, rating.Id, null, rating.Comment, rating.Language, ct))
                    queued++;
            }
            after = page.Next;
        }
        while (after is not null);
        return queued;
    }

    private async Task<bool> QueueAsync(string organisationId, TextKind kind, string targetId, string? consultationId, string text, string language, CancellationToken ct)
    {
        var again = await screening.ScreenAsync(new TextToScreen(organisationId, kind, text, language, null), ct);
        var recovered = new ScreeningResult(
            ScreeningOutcome.Hold,
            text,
            [.. again.Reasons, new ScreeningReason(RecoveredReason, ReasonSeverity.Hold, "Held before a restart and queued again; its first screening reasons were lost.")]);
        return await queue.EnqueueHeldAsync(organisationId, kind, targetId, consultationId, recovered, language, ct);
    }
}
