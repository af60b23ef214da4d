using Engagement.Core.Comments;
using Engagement.Core.Common;

namespace Engagement.Core.Ratings;

/// <summary>Stores service ratings. Every adapter honours the rules stated on each method.</summary>
public interface IRatingStore
{
    /// <summary>
    /// Adds a rating, applies <see cref="RatingTallies.ForNew"/> and stores the contributor's follow-up address when
    /// given, in one commit; returns only once all are durable. Returns false, and changes nothing, when the id is taken.
    /// </summary>
    Task<bool> TryAddAsync(ServiceRating rating, FollowUps.FollowUp? followUp = null, CancellationToken ct = default);

    /// <summary>
    /// Adds many ratings and their tally changes in a single commit: all of them or, on failure, none.
    /// Ratings whose id is taken (in the store or earlier in the batch) are skipped. Returns how many were added.
    /// </summary>
    Task<int> AddManyAsync(IReadOnlyList<ServiceRating> ratings, CancellationToken ct = default);

    /// <summary>
    /// Sets what moderation decided about a rating's comment; the score and every tally stay as they are. Returns the
    /// updated rating, or null, with nothing changed, when the id is unknown or the rating has no comment.
    /// </summary>
    Task<ServiceRating?> SetCommentStatusAsync(string ratingId, CommentStatus status, CancellationToken ct = default);

    /// <summary>
    /// One page of ratings, across all services, whose comment screening held and that were written before
    /// <paramref name="before"/>, oldest first by (creation time, id).
    /// </summary>
    Task<Page<ServiceRating>> ListHeldCommentsAsync(DateTimeOffset before, PageRequest page, CancellationToken ct = default);

    /// <summary>One page of a service's ratings, oldest first by (creation time, id); Next is null when no item follows.</summary>
    Task<Page<ServiceRating>> ListAsync(string serviceId, PageRequest page, CancellationToken ct = default);
}
