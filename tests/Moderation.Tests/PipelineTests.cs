using Engagement.Core.Screening;
using Engagement.Moderation.Screening;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engagement.Moderation.Tests;

/// <summary>The pipeline runs its steps in order, follows the most serious reason, and holds a text a step failed on.</summary>
public sealed class PipelineTests
{
    private static readonly TextToScreen Comment = new("org", TextKind.Comment, "Hello there", "en", null);

    [Fact]
    public async Task Steps_run_in_order_and_each_sees_the_text_the_previous_one_left()
    {
        var seen = new List<string>();
        var pipeline = Pipeline(
            new Step(300, c => seen.Add("third:" + c.Text)),
            new Step(100, c => { seen.Add("first"); c.Text = "masked"; }),
            new Step(200, c => seen.Add("second:" + c.Text)));

        var result = await pipeline.ScreenAsync(Comment);

        Assert.Equal(["first", "second:masked", "third:masked"], seen);
        Assert.Equal("masked", result.Text);
        Assert.Equal(ScreeningOutcome.Publish, result.Outcome);
    }

    [Theory]
    [InlineData(new[] { ReasonSeverity.Info }, ScreeningOutcome.Publish)]
    [InlineData(new[] { ReasonSeverity.Info, ReasonSeverity.Hold }, ScreeningOutcome.Hold)]
    [InlineData(new[] { ReasonSeverity.Hold, ReasonSeverity.Reject, ReasonSeverity.Info }, ScreeningOutcome.Reject)]
    public async Task The_outcome_follows_the_most_serious_reason_and_every_reason_is_kept(ReasonSeverity[] severities, ScreeningOutcome expected)
    {
        var pipeline = Pipeline(severities.Select((s, i) => new Step(i, c => c.Add($"code.{i}", s, "detail"))).ToArray());

        var result = await pipeline.ScreenAsync(Comment);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(severities, result.Reasons.Select(r => r.Severity));
    }

    [Fact]
    public async Task A_step_that_throws_holds_the_text_for_a_moderator_and_the_later_steps_still_run()
    {
        var later = false;
        var pipeline = Pipeline(new Step(1, _ => throw new InvalidOperationException("bug")), new Step(2, _ => later = true));

        var result = await pipeline.ScreenAsync(Comment);

        Assert.Equal(ScreeningOutcome.Hold, result.Outcome);
        Assert.Equal("screening.step_failed", Assert.Single(result.Reasons).Code);
        Assert.True(later);
    }

    private static ScreeningPipeline Pipeline(params IScreeningStep[] steps) =>
        new(steps, new NoTerms(), TimeProvider.System, NullLogger<ScreeningPipeline>.Instance);

    private sealed class Step(int order, Action<ScreeningContext> run) : IScreeningStep
    {
        public int Order => order;

        public ValueTask RunAsync(ScreeningContext context, CancellationToken ct)
        {
            run(context);
            return ValueTask.CompletedTask;
        }
    }
}
