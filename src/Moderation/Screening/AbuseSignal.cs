using System.Globalization;
using Engagement.Core.Screening;

namespace Engagement.Moderation.Screening;

/// <summary>No abuse model yet: no score, so the abuse step adds nothing.</summary>
internal sealed class NoAbuseScorer : IAbuseScorer
{
    public ValueTask<double?> ScoreAsync(string text, string language, CancellationToken ct) => ValueTask.FromResult<double?>(null);
}

/// <summary>
/// The abuse model's view of the text: a score of <see cref="HoldAt"/> or more holds it ("abuse.model", Hold); from
/// <see cref="NoteAt"/> it is noted for the moderator ("abuse.model", Info). A scorer that fails is noted as
/// "abuse.unavailable" (Info) and the text goes on without the model's view.
/// </summary>
internal sealed partial class AbuseSignal(IAbuseScorer scorer, ILogger<AbuseSignal> logger) : IScreeningStep
{
    internal const double HoldAt = 0.8;
    internal const double NoteAt = 0.5;

    public int Order => 500;

    public async ValueTask RunAsync(ScreeningContext context, CancellationToken ct)
    {
        double? score;
        try
        {
            score = await scorer.ScoreAsync(context.Text, context.Input.Language, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogScorerFailed(logger, e);
            context.Add("abuse.unavailable", ReasonSeverity.Info, "the abuse model could not score this text");
            return;
        }
        if (score is not { } s || double.IsNaN(s))
            return;
        var detail = string.Create(CultureInfo.InvariantCulture, $"score {s:0.00}");
        if (s >= HoldAt)
            context.Add("abuse.model", ReasonSeverity.Hold, detail);
        else if (s >= NoteAt)
            context.Add("abuse.model", ReasonSeverity.Info, detail);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The abuse model could not score a text; it goes on without the model's view.")]
    private static partial void LogScorerFailed(ILogger logger, Exception exception);
}
