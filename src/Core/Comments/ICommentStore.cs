using Engagement.Core.Common;

namespace Engagement.Core.Comments;

/// <summary>
/// Stores comments and reactions, one document per comment and per reaction. Every write here also applies
/// its <see cref="CommentTallies"/> delta to the tallies in the same commit, so tallies always equal the
/// records they count. Every adapter honours the rules stated on each method.
/// </summary>
public interface ICommentStore
{
    /// <summary>
    /// Adds a comment, increments its consultation's tally (<see cref="CommentTallies.ForNew"/>) and stores the
    /// contributor's follow-up address when given, in one commit. Returns false, and changes nothing, when the id is taken.
    /// </summary>
    Task<bool> TryAddAsync(Comment comment, FollowUps.FollowUp? followUp = null, CancellationToken ct = default);

    /// <summary>The comment with this id, or null.</summary>
    Task<Comment?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The comments with these ids, in no particular order; missing ids are skipped, duplicates returned once.</summary>
    Task<IReadOnlyList<Comment>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    /// <summary>
    /// One page of a consultation's top-level comments (no replies), oldest first by (creation time, id),
    /// optionally only those in one status. The page's Next cursor is null when no item follows.
    /// </summary>
    Task<Page<Comment>> ListTopLevelAsync(string consultationId, CommentStatus? status, PageRequest page, CancellationToken ct = default);

    /// <summary>
    /// The replies to any of these comments, in one call (so a page of comments costs one query for all its
    /// replies), oldest first by (creation time, id), optionally only those in one status.
    /// </summary>
    Task<IReadOnlyList<Comment>> ListRepliesAsync(IReadOnlyCollection<string> parentIds, CommentStatus? status, CancellationToken ct = default);

    /// <summary>
    /// One page of comments and replies, across all organisations, that wait for a moderator (held by screening or hidden
    /// by reports) and were written before <paramref name="before"/>, oldest first by (creation time, id).
    /// </summary>
    Task<Page<Comment>> ListAwaitingReviewAsync(DateTimeOffset before, PageRequest page, CancellationToken ct = default);

    /// <summary>
    /// Moves a comment to a status, stamping UpdatedAt, and applies <see cref="CommentTallies.ForStatusChange"/>
    /// in the same commit. Returns the updated comment with the status it had before (read in the same
    /// transaction, so it is exact under concurrency), or null when the id is unknown. Setting the status it
    /// already has changes no tally.
    /// </summary>
    Task<CommentStatusChange?> SetStatusAsync(string commentId, CommentStatus status, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>
    /// Replaces a comment's text (a moderator's redaction), stamping UpdatedAt; its status and every tally stay as they
    /// are. Returns the updated comment, or null, with nothing changed, when the id is unknown.
    /// </summary>
    Task<Comment?> SetTextAsync(string commentId, string text, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>
    /// Sets (or, with null, removes) a participant's reaction to a comment, and applies
    /// <see cref="CommentTallies.ForReaction"/> in the same commit. A participant holds at most one reaction
    /// per comment, even under concurrent calls. Returns the reaction that was replaced (null when none).
    /// The caller has checked that the comment exists.
    /// </summary>
    Task<Reaction?> SetReactionAsync(string commentId, string participantId, Reaction? reaction, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>A participant's reactions to the given comments, keyed by comment id; comments without one are absent.</summary>
    Task<IReadOnlyDictionary<string, Reaction>> GetReactionsAsync(string participantId, IReadOnlyCollection<string> commentIds, CancellationToken ct = default);
}
