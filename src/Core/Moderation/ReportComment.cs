using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Live;
using Engagement.Core.Participants;

namespace Engagement.Core.Moderation;

/// <summary>
/// A participant reports a published comment, once. The reports made since the comment was last published are counted
/// by reason onto its open moderation item, if it has one; when they reach the threshold the comment is hidden pending a
/// moderator's review and queued (<see cref="ModerationSource.Reports"/>), and the hiding is audited as the system's.
/// </summary>
/// <remarks>
/// Counting from the last publication means a moderator's approval stands until as many new reports again arrive,
/// rather than falling to the next single report. The item is written before the comment is hidden, so a comment is
/// never hidden without an item waiting for a moderator; should the process die in between, the next report hides it.
/// </remarks>
public sealed class ReportComment(
    ICommentStore comments, ICommentReportStore reports, IConsultationStore consultations, IParticipantStore participants, ModerationQueue queue,
    IAuditLog audit, TimeProvider clock, ILiveNotifier live, ReportOptions options) : IUseCase
{
    public sealed record Request(string CommentId, string ParticipantId, ReportReason Reason);

    public async Task<Result<CommentReport>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Defined("reason", request.Reason);
        if (v.HasErrors)
            return Result<CommentReport>.Fail(v.Errors);

        // Held, rejected and hidden comments are not shown, so they are as unknown to a citizen as a made-up id.
        var comment = await comments.GetAsync(request.CommentId, ct);
        if (comment is null || comment.Status != CommentStatus.Published)
            return Result<CommentReport>.Fail("commentId", ErrorCodes.NotFound, "There is no such published comment.");
        var consultation = await consultations.GetAsync(comment.ConsultationId, ct);
        if (consultation is null)
            return Result<CommentReport>.Fail("commentId", ErrorCodes.NotFound, "There is no such published comment.");
        // The consultation's identity policy applies: where only verified people take part, only they can hide a comment.
        if (await ParticipationRules.CheckAsync(participants, request.ParticipantId, consultation.IdentityPolicy, ct) is { } refused)
            return Result<CommentReport>.Fail([refused]);

        var now = clock.GetUtcNow();
        var report = new CommentReport { CommentId = comment.Id, ParticipantId = request.ParticipantId, Reason = request.Reason, At = now };
        if (!await reports.TryAddAsync(report, ct))
            return Result<CommentReport>.Fail("commentId", ErrorCodes.Duplicate, "You have already reported this comment; a report counts once.");

        // UpdatedAt is stamped by every status change, so it marks the comment's last publication (see the remarks).
        var counts = await reports.CountAsync(comment.Id, comment.UpdatedAt, ct);
        var total = counts.Values.Sum();
        var reached = total >= options.Threshold;
        await queue.RecordReportsAsync(comment, counts.ToDictionary(c => c.Key.Key(), c => c.Value, StringComparer.Ordinal), open: reached, ct);
        if (reached)
        {
            var change = await comments.SetStatusAsync(comment.Id, CommentStatus.Hidden, now, ct);
            // Of reports racing past the threshold, only the one that actually hid the comment records it.
            if (change is { Previous: CommentStatus.Published })
            {
                await audit.RecordAsync(clock, Actor.System, comment.OrganisationId, AuditActions.CommentStatusChanged, "comment", comment.Id,
                    $"{CommentStatus.Published} -> {CommentStatus.Hidden}: reported by {total} participants (threshold {options.Threshold}), pending review", ct);
                live.Changed(LiveTopic.Consultation(comment.ConsultationId));
            }
        }
        return report;
    }
}
