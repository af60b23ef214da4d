using Engagement.Core.Tallies;

namespace Engagement.Core.Comments;

/// <summary>
/// The tally buckets comments move. A consultation counts its comments and replies per status
/// ("comments.published", "replies.held"); a comment counts its reactions ("agree", "disagree").
/// </summary>
public static class CommentTallies
{
    public const string Agree = "agree";
    public const string Disagree = "disagree";

    public static string StatusBucket(bool isReply, CommentStatus status) =>
        $"{(isReply ? "replies" : "comments")}.{status.ToString().ToLowerInvariant()}";

    public static string ReactionBucket(Reaction reaction) => reaction == Reaction.Agree ? Agree : Disagree;

    /// <summary>What storing a new comment adds, in its consultation and in the consultation's day of the comment.</summary>
    public static TallyDelta ForNew(Comment comment)
    {
        var delta = new TallyDelta();
        foreach (var scope in Scopes(comment))
            delta.Add(scope, StatusBucket(comment.IsReply, comment.Status));
        return delta;
    }

    /// <summary>What moving a comment from one status to another changes (nothing when the status stays).</summary>
    public static TallyDelta ForStatusChange(Comment comment, CommentStatus from, CommentStatus to)
    {
        var delta = new TallyDelta();
        if (from == to)
            return delta;
        foreach (var scope in Scopes(comment))
            delta.Add(scope, StatusBucket(comment.IsReply, from), -1).Add(scope, StatusBucket(comment.IsReply, to));
        return delta;
    }

    /// <summary>The scopes a comment counts in: its consultation, and that consultation on the day the comment was written.</summary>
    public static string[] Scopes(Comment comment) =>
        [TallyScopes.Consultation(comment.ConsultationId), TallyScopes.ConsultationDay(comment.ConsultationId, TallyScopes.DayOf(comment.CreatedAt))];

    /// <summary>What replacing a participant's reaction changes; null stands for no reaction.</summary>
    public static TallyDelta ForReaction(string commentId, Reaction? from, Reaction? to)
    {
        var delta = new TallyDelta();
        if (from == to)
            return delta;
        var scope = TallyScopes.Comment(commentId);
        if (from is { } previous)
            delta.Add(scope, ReactionBucket(previous), -1);
        if (to is { } next)
            delta.Add(scope, ReactionBucket(next));
        return delta;
    }
}
