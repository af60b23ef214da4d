using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Live;
using Engagement.Core.Participants;
using Engagement.Core.Tallies;

namespace Engagement.Core.Comments;

/// <summary>Agrees or disagrees with a published comment, changes that reaction, or (with null) withdraws it.</summary>
public sealed class ReactToComment(
    IConsultationStore consultations, ICommentStore comments, IParticipantStore participants, ITallyStore tallies, TimeProvider clock,
    ILiveNotifier live) : IUseCase
{
    public sealed record Request(string CommentId, string ParticipantId, Reaction? Reaction);

    /// <summary>The participant's reaction now, and the comment's agree/disagree counts after the change.</summary>
    public sealed record Reacted(string CommentId, Reaction? Reaction, long Agree, long Disagree);

    public async Task<Result<Reacted>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        if (request.Reaction is { } r && !Enum.IsDefined(r))
            return Result<Reacted>.Fail("reaction", ErrorCodes.InvalidFormat, "Use Agree, Disagree, or no reaction.");

        var comment = await comments.GetAsync(request.CommentId, ct);
        if (comment is null || comment.Status != CommentStatus.Published)
            return Result<Reacted>.Fail("commentId", ErrorCodes.NotFound, "There is no such published comment.");
        var consultation = await consultations.GetAsync(comment.ConsultationId, ct);
        var now = clock.GetUtcNow();
        if (consultation is null || !consultation.AcceptsContributionsAt(now))
            return Result<Reacted>.Fail("commentId", ErrorCodes.InvalidState, "This consultation is not open for reactions.");
        if (await ParticipationRules.CheckAsync(participants, request.ParticipantId, consultation.IdentityPolicy, ct) is { } refused)
            return Result<Reacted>.Fail([refused]);

        await comments.SetReactionAsync(comment.Id, request.ParticipantId, request.Reaction, now, ct);
        live.Changed(LiveTopic.Consultation(comment.ConsultationId));
        var tally = await tallies.GetAsync(TallyScopes.Comment(comment.Id), ct);
        return new Reacted(comment.Id, request.Reaction, tally[CommentTallies.Agree], tally[CommentTallies.Disagree]);
    }
}
