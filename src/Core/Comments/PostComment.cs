using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.FollowUps;
using Engagement.Core.Live;
using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using Engagement.Core.Participants;

namespace Engagement.Core.Comments;

/// <summary>Posts a comment, or a reply to a published top-level comment, on an open consultation.</summary>
public sealed class PostComment(
    IConsultationStore consultations, ICommentStore comments, IParticipantStore participants, SupportedLanguages languages, TimeProvider clock,
    ITextScreening screening, ModerationQueue queue, FollowUpOptIn followUp, IAuditLog audit, ILiveNotifier live) : IUseCase
{
    /// <summary>A comment; <paramref name="FollowUpEmail"/>, when given, is where to say what it led to.</summary>
    public sealed record Request(string ConsultationId, string ParticipantId, string Text, string Language, string? ParentId = null, string? FollowUpEmail = null);

    /// <summary>
    /// The request's own faults, found without reading the store (its participant is not looked at): a page checks
    /// them before it makes an anonymous participant to post as, so a refused comment leaves no participant behind.
    /// </summary>
    public IReadOnlyList<Error> CheckInput(Request request)
    {
        var v = new Validator();
        v.RequiredText("text", request.Text, TextLimits.Comment);
        v.Language("language", request.Language, languages);
        FollowUpOptIn.Validate(v, request.FollowUpEmail);
        return v.Errors;
    }

    public async Task<Result<Comment>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        if (CheckInput(request) is { Count: > 0 } faults)
            return Result<Comment>.Fail(faults);

        var consultation = await consultations.GetAsync(request.ConsultationId, ct);
        // A draft answers as a made-up id does: otherwise anyone could tell which draft ids exist, which every read hides.
        if (consultation is null || consultation.Status == ConsultationStatus.Draft)
            return Result<Comment>.Fail("consultationId", ErrorCodes.NotFound, "There is no such consultation.");
        var now = clock.GetUtcNow();
        if (!consultation.AcceptsContributionsAt(now))
            return Result<Comment>.Fail("consultationId", ErrorCodes.InvalidState, "This consultation is not open for comments.");
        if (await ParticipationRules.CheckAsync(participants, request.ParticipantId, consultation.IdentityPolicy, ct) is { } refused)
            return Result<Comment>.Fail([refused]);

        if (request.ParentId is not null)
        {
            var parent = await comments.GetAsync(request.ParentId, ct);
            if (parent is null || parent.ConsultationId != consultation.Id)
                return Result<Comment>.Fail("parentId", ErrorCodes.NotFound, "The comment you are replying to does not exist in this consultation.");
            if (parent.IsReply)
                return Result<Comment>.Fail("parentId", ErrorCodes.InvalidState, "Replies go one level deep: reply to the original comment instead.");
            if (parent.Status != CommentStatus.Published)
                return Result<Comment>.Fail("parentId", ErrorCodes.InvalidState, "The comment you are replying to is not published.");
        }

        var screened = await screening.ScreenAsync(
            new TextToScreen(consultation.OrganisationId, request.ParentId is null ? TextKind.Comment : TextKind.Reply, request.Text, request.Language, request.ParticipantId), ct);
        if (screened.Outcome == ScreeningOutcome.Reject)
        {
            await audit.RecordAsync(clock, Actor.System, consultation.OrganisationId, AuditActions.ModerationAutoRejected, "screening", consultation.Id,
                string.Join(", ", screened.Reasons.Where(r => r.Severity == ReasonSeverity.Reject).Select(r => r.Code)), ct);
            return Result<Comment>.Fail("text", ErrorCodes.Rejected, "This comment cannot be published: it breaks the participation rules.");
        }

        var comment = new Comment
        {
            Id = Ids.New(),
            ConsultationId = consultation.Id,
            OrganisationId = consultation.OrganisationId,
            ParentId = request.ParentId,
            ParticipantId = request.ParticipantId,
            Text = screened.Text,
            Language = request.Language,
            Status = screened.Outcome == ScreeningOutcome.Hold ? CommentStatus.Held : CommentStatus.Published,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var wish = await followUp.ForAsync(comment.OrganisationId, ContributionKind.Comment, comment.Id, request.FollowUpEmail, comment.Language, ct);
        if (!await comments.TryAddAsync(comment, wish, ct))
            throw new InvalidOperationException("A freshly generated comment id collided with an existing one.");
        live.Changed(LiveTopic.Consultation(comment.ConsultationId));
        if (comment.Status == CommentStatus.Held)
            await queue.EnqueueHeldAsync(comment.OrganisationId, comment.IsReply ? TextKind.Reply : TextKind.Comment, comment.Id, comment.ConsultationId, screened, comment.Language, ct);
        return comment;
    }
}
