using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Live;

namespace Engagement.Core.Comments;

/// <summary>Staff publish, hold, reject or hide a comment, with a reason kept in the audit trail.</summary>
public sealed class ChangeCommentStatus(ICommentStore comments, IAuditLog audit, TimeProvider clock, ILiveNotifier live) : IUseCase
{
    public sealed record Request(string CommentId, CommentStatus Status, string? Reason = null);

    public async Task<Result<Comment>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Defined("status", request.Status);
        v.OptionalText("reason", request.Reason, TextLimits.Reason);
        if (request.Status is CommentStatus.Rejected or CommentStatus.Hidden && string.IsNullOrWhiteSpace(request.Reason))
            v.Add("reason", ErrorCodes.Required, "Say why the comment is rejected or hidden.");
        if (v.HasErrors)
            return Result<Comment>.Fail(v.Errors);

        var change = await comments.SetStatusAsync(request.CommentId, request.Status, clock.GetUtcNow(), ct);
        if (change is null)
            return Result<Comment>.Fail("commentId", ErrorCodes.NotFound, "There is no such comment.");
        // Only a real move is audited; repeating a decision someone already made is a harmless no-op.
        if (change.Previous != request.Status)
        {
            var detail = $"{change.Previous} -> {request.Status}" + (request.Reason is null ? "" : $": {request.Reason}");
            await audit.RecordAsync(clock, actor, change.Comment.OrganisationId, AuditActions.CommentStatusChanged, "comment", change.Comment.Id, detail, ct);
            live.Changed(LiveTopic.Consultation(change.Comment.ConsultationId));
            live.Changed(LiveTopic.ModerationQueue(change.Comment.OrganisationId));
        }
        return change.Comment;
    }
}
