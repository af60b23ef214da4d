using Engagement.Core.Screening;

namespace Engagement.Moderation.Screening;

/// <summary>
/// The <see cref="ITextScreening"/> moderation provides: every registered <see cref="IScreeningStep"/> in order over
/// one context, the organisation's term lists read through <see cref="ITermSource"/>; the outcome follows the most
/// serious reason. A step that throws (it must not) holds the text for a person rather than losing it or publishing it unread.
/// </summary>
internal sealed partial class ScreeningPipeline(IEnumerable<IScreeningStep> steps, ITermSource terms, TimeProvider clock, ILogger<ScreeningPipeline> logger)
    : ITextScreening
{
    private readonly IScreeningStep[] _steps = steps.OrderBy(s => s.Order).ToArray();

    public async Task<ScreeningResult> ScreenAsync(TextToScreen text, CancellationToken ct = default)
    {
        var context = new ScreeningContext(text, await terms.ForAsync(text.OrganisationId, ct), clock.GetUtcNow());
        foreach (var step in _steps)
        {
            try
            {
                await step.RunAsync(context, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStepFailed(logger, e, step.GetType().Name);
                context.Add("screening.step_failed", ReasonSeverity.Hold, $"{step.GetType().Name} could not screen this text; a moderator should.");
            }
        }
        return new ScreeningResult(context.Outcome, context.Text, context.Reasons);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Screening step {Step} failed; the text is held for a moderator.")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string step);
}

/// <summary>Where the pipeline gets an organisation's term lists (the store, behind a short cache).</summary>
internal interface ITermSource
{
    Task<ScreeningTerms> ForAsync(string organisationId, CancellationToken ct);
}

/// <summary>Term lists until the term store lands: none, so only the built-in signals apply.</summary>
internal sealed class NoTerms : ITermSource
{
    public Task<ScreeningTerms> ForAsync(string organisationId, CancellationToken ct) => Task.FromResult(ScreeningTerms.None);
}
