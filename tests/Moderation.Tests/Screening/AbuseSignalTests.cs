using Engagement.Core.Screening;
using Engagement.Moderation.Screening;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engagement.Moderation.Tests.Screening;

/// <summary>The abuse model's score holds from 0.8, is noted from 0.5, and a failing model never holds a text by itself.</summary>
public sealed class AbuseSignalTests
{
    [Fact]
    public void Runs_last()
    {
        Assert.Equal(500, Step(new Scorer(_ => null)).Order);
    }

    [Theory]
    [InlineData(1.0, "abuse.model", ReasonSeverity.Hold, "score 1.00")]
    [InlineData(0.8, "abuse.model", ReasonSeverity.Hold, "score 0.80")]
    [InlineData(0.79, "abuse.model", ReasonSeverity.Info, "score 0.79")]
    [InlineData(0.5, "abuse.model", ReasonSeverity.Info, "score 0.50")]
    public async Task A_score_from_the_thresholds_is_recorded(double score, string code, ReasonSeverity severity, string detail)
    {
        var context = await Screen.RunAsync(Step(new Scorer(_ => score)), "some text");

        var reason = Assert.Single(context.Reasons);
        Assert.Equal((code, severity, detail), (reason.Code, reason.Severity, reason.Detail));
    }

    [Theory]
    [InlineData(0.49)]
    [InlineData(0.0)]
    [InlineData(null)]
    [InlineData(double.NaN)]
    public async Task A_low_missing_or_meaningless_score_records_nothing(double? score)
    {
        var context = await Screen.RunAsync(Step(new Scorer(_ => score)), "some text");

        Assert.Empty(context.Reasons);
    }

    [Fact]
    public async Task The_scorer_gets_the_text_as_masked_so_far_and_its_language()
    {
        (string Text, string Language)? seen = null;
        var scorer = new Scorer(call => { seen = call; return 0.1; });
        var context = Screen.Context("original", language: "fr");
        context.Text = "masked [email]";

        await Step(scorer).RunAsync(context, CancellationToken.None);

        Assert.Equal(("masked [email]", "fr"), seen);
    }

    [Fact]
    public async Task A_failing_model_is_noted_and_does_not_hold_the_text()
    {
        var context = await Screen.RunAsync(Step(new Scorer(_ => throw new HttpRequestException("model down"))), "some text");

        var reason = Assert.Single(context.Reasons);
        Assert.Equal(("abuse.unavailable", ReasonSeverity.Info), (reason.Code, reason.Severity));
        Assert.Equal(ScreeningOutcome.Publish, context.Outcome);
    }

    [Fact]
    public async Task A_model_that_times_out_by_itself_is_noted_as_unavailable()
    {
        var context = await Screen.RunAsync(Step(new Scorer(_ => throw new TaskCanceledException())), "some text");

        Assert.Equal("abuse.unavailable", Assert.Single(context.Reasons).Code);
    }

    [Fact]
    public async Task Cancelling_the_screening_cancels_the_step()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var step = Step(new Scorer(_ => throw new OperationCanceledException(cancel.Token)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await step.RunAsync(Screen.Context("text"), cancel.Token));
    }

    [Fact]
    public async Task Without_a_model_there_is_no_score()
    {
        Assert.Null(await new NoAbuseScorer().ScoreAsync("anything", "en", CancellationToken.None));
        Assert.Empty((await Screen.RunAsync(Step(new NoAbuseScorer()), "You are all idiots")).Reasons);
    }

    private static AbuseSignal Step(IAbuseScorer scorer) => new(scorer, NullLogger<AbuseSignal>.Instance);

    private sealed class Scorer(Func<(string Text, string Language), double?> score) : IAbuseScorer
    {
        public ValueTask<double?> ScoreAsync(string text, string language, CancellationToken ct) => ValueTask.FromResult(score((text, language)));
    }
}
