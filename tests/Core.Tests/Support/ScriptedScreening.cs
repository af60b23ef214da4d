using System.Collections.Concurrent;
using Engagement.Core.Screening;

namespace Engagement.Core.Tests.Support;

/// <summary>Screening that decides as the test says and keeps every text it was given, so a test can check what was screened.</summary>
public sealed class ScriptedScreening(Func<TextToScreen, ScreeningResult> decide) : ITextScreening
{
    private readonly ConcurrentQueue<TextToScreen> _screened = new();

    /// <summary>Every text screened, in order.</summary>
    public IReadOnlyList<TextToScreen> Screened => [.. _screened];

    public Task<ScreeningResult> ScreenAsync(TextToScreen text, CancellationToken ct = default)
    {
        _screened.Enqueue(text);
        return Task.FromResult(decide(text));
    }

    /// <summary>Always this outcome, with the text changed by <paramref name="rewrite"/> (as it is when none is given).</summary>
    public static ScriptedScreening Always(ScreeningOutcome outcome, Func<string, string>? rewrite = null) =>
        new(t => new ScreeningResult(outcome, rewrite is null ? t.Text : rewrite(t.Text), [new ScreeningReason("scripted", ReasonSeverity.Info, $"scripted {outcome}")]));
}
