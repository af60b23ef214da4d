namespace Engagement.Core.Screening;

/// <summary>
/// The one pipeline every free text from the public goes through before it is stored or shown: consultation comments
/// and replies, and rating comments. It may change the text (masking personal information) and decides whether the
/// text is published, held for a moderator, or refused. Moderation supplies the real screening; until it is
/// registered, <see cref="NoScreening"/> publishes texts as written.
/// </summary>
public interface ITextScreening
{
    Task<ScreeningResult> ScreenAsync(TextToScreen text, CancellationToken ct = default);
}

/// <summary>A text to screen, with what screening may need to judge it.</summary>
public sealed record TextToScreen(string OrganisationId, TextKind Kind, string Text, string Language, string? ParticipantId);

/// <summary>Where a screened text comes from.</summary>
public enum TextKind
{
    Comment,
    Reply,
    RatingComment,
    SurveyAnswer,
}

/// <summary>What to do with a text.</summary>
public enum ScreeningOutcome
{
    Publish,
    Hold,
    Reject,
}

/// <summary>The decision on a text, the text to store (possibly masked), and every reason behind the decision.</summary>
public sealed record ScreeningResult(ScreeningOutcome Outcome, string Text, IReadOnlyList<ScreeningReason> Reasons)
{
    public static ScreeningResult Publish(string text) => new(ScreeningOutcome.Publish, text, []);
}

/// <summary>Screening before moderation exists: every text is published as written.</summary>
public sealed class NoScreening : ITextScreening
{
    public Task<ScreeningResult> ScreenAsync(TextToScreen text, CancellationToken ct = default) => Task.FromResult(ScreeningResult.Publish(text.Text));
}
