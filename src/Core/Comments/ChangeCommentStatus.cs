using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Comments;

/// <summary>Staff publish, hold, reject or hide a comment, with a reason kept in the audit trail.</summary>
public sealed class ChangeCommentStatus(ICommentStore comments, IAuditLog audit, TimeProvider clock) : IUseCase
{
    public sealed record Request(string CommentId, CommentStatus Status, string? Reason = null);

    public async Task<Result<Comment>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Defined("status", request.Status);
        v.OptionalText("reason", request.Reason, TextLimits.AuditDetail);
        if (request.Status is CommentStatus.Rejected or CommentStatus.Hidden && string.IsNullOrWhiteSpace(request.Reason))
            v.Add("reason", ErrorCodes.Required, "Say why the comment is rejected or hidden.");
        if (v.HasErrors)
            return Result<Comment>.Fail(v.Errors);

        var current = await comments.GetAsync(request.CommentId, ct);
        if (current is null)
            return Result<Comment>.Fail("commentId", ErrorCodes.NotFound, "There is no such comment.");
        if (current.Status == request.Status)
            return current;

        var updated = await comments.SetStatusAsync(current.Id, request.Status, clock.GetUtcNow(), ct);
        if (updated is null)
            return Result<Comment>.Fail("commentId", ErrorCodes.NotFound, "There is no such comment.");
        var detail = $"{current.Status} -> {request.Status}" + (request.Reason is null ? "" : $": {request.Reason}");
        await audit.RecordAsync(clock, actor, updated.OrganisationId, AuditActions.CommentStatusChanged, "comment", updated.Id, detail, ct);
        return updated;
    }
}
