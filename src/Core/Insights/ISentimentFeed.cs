using Engagement.Core.Screening;

namespace Engagement.Core.Insights;

/// <summary>A text made public that waits for its sentiment: where it lives, and what to read.</summary>
/// <param name="TargetId">The record: a comment's or rating's id, or "responseId/questionId" for a survey answer.</param>
public sealed record TextToTag(long Sequence, TextKind Kind, string TargetId, string OrganisationId, string Text);

/// <summary>One read of the feed: the texts still public, and the sequence of the last entry read (skipped ones included).</summary>
public sealed record FeedPage(IReadOnlyList<TextToTag> Texts, long LastSequence);

/// <summary>
/// The texts the public can see, in the order they became public, for the sentiment tagger. Every adapter appends to the
/// feed in the same commit as the write that makes a text public: a comment or reply stored or set published, a rating
/// stored or set with its comment published, a moderator's redaction of a published comment, and each text answer of a
/// survey response. A text made public again (approved after being hidden, redacted) appears again, later.
/// </summary>
public interface ISentimentFeed
{
    /// <summary>
    /// Up to <paramref name="max"/> feed entries after <paramref name="sequence"/>, oldest first. Entries whose text is no
    /// longer public or no longer exists are left out of Texts but counted in LastSequence, which is
    /// <paramref name="sequence"/> when nothing follows.
    /// </summary>
    Task<FeedPage> ListAfterAsync(long sequence, int max, CancellationToken ct = default);

    /// <summary>
    /// Stores each tag with its text (replacing an earlier one; unknown texts are ignored) and moves the checkpoint to
    /// <paramref name="checkpoint"/>, in one commit, so a restart resumes after the last batch saved and never loses one.
    /// </summary>
    Task SaveTagsAsync(IReadOnlyList<(TextKind Kind, string TargetId, SentimentTag Tag)> tags, long checkpoint, CancellationToken ct = default);

    /// <summary>The sequence up to which texts are tagged; 0 before the first batch.</summary>
    Task<long> GetCheckpointAsync(CancellationToken ct = default);
}
