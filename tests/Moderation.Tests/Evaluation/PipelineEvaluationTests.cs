using System.Globalization;
using Engagement.Core.Screening;
using Engagement.Moderation.Tests.Screening;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Engagement.Moderation.Tests.Evaluation;

/// <summary>
/// The whole pipeline, as the host registers it with the default starter term lists, over the labelled set: per
/// category, what share is published, held and refused. Fails if any clean text is refused (the issue's rule), if
/// any text with personal information is published unmasked, or if the abuse and spam texts are caught less often
/// than the floors below: regression guards just under the shares measured when the set was written, not goals
/// (docs/moderation-evaluation.md says how weak they are and why).
/// </summary>
public sealed class PipelineEvaluationTests(ITestOutputHelper output)
{
    private const double SpamCaughtFloor = 0.15;

    [Theory]
    [InlineData(false, 0.45, 0.0)]
    // With Insights' abuse model, as the host runs: 20 of 26 abusive texts caught, 1 of 201 clean texts held (measured).
    [InlineData(true, 0.70, 0.02)]
    public async Task No_clean_text_is_refused_and_abuse_and_spam_are_caught_above_their_floors(bool abuseModel, double abuseCaughtFloor, double cleanHeldCeiling)
    {
        var set = PersonalInformationEvaluationTests.Sample.Load();
        using var services = Screen.Services(abuseModel: abuseModel);
        var screening = services.GetRequiredService<ITextScreening>();
        var outcomes = new List<(PersonalInformationEvaluationTests.Sample Sample, ScreeningResult Result)>();
        // Each text from its own participant and organisation, so pace and near-duplicate memory do not mix samples.
        foreach (var sample in set)
            outcomes.Add((sample, await screening.ScreenAsync(new TextToScreen($"org-{sample.Id}", TextKind.Comment, sample.Text, sample.Language, null))));

        output.WriteLine("| category | texts | published | held | refused |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var group in outcomes.GroupBy(o => o.Sample.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int Count(ScreeningOutcome outcome) => group.Count(o => o.Result.Outcome == outcome);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key} | {group.Count()} | {Count(ScreeningOutcome.Publish)} | {Count(ScreeningOutcome.Hold)} | {Count(ScreeningOutcome.Reject)} |"));
        }
        foreach (var (sample, result) in outcomes.Where(o => o.Result.Outcome != ScreeningOutcome.Publish && o.Sample.Category is "clean" or "pii"))
            output.WriteLine($"  {sample.Id} ({sample.Category}) {result.Outcome}: {string.Join(", ", result.Reasons.Where(r => r.Severity != ReasonSeverity.Info).Select(r => r.Code))}");

        Assert.DoesNotContain(outcomes, o => o.Sample.Category == "clean" && o.Result.Outcome == ScreeningOutcome.Reject);
        Assert.All(outcomes.Where(o => o.Sample.Expected.Count > 0), o => Assert.NotEqual(o.Sample.Text, o.Result.Text));
        Assert.True(Caught("abuse") >= abuseCaughtFloor, $"Abuse caught {Caught("abuse"):P1}, floor {abuseCaughtFloor:P0}.");
        Assert.True(Caught("clean") <= cleanHeldCeiling, $"Clean texts held {Caught("clean"):P1}, ceiling {cleanHeldCeiling:P0}.");
        Assert.True(Caught("spam") >= SpamCaughtFloor, $"Spam caught {Caught("spam"):P1}, floor {SpamCaughtFloor:P0}.");

        double Caught(string category)
        {
            var texts = outcomes.Where(o => o.Sample.Category == category).ToList();
            return texts.Count == 0 ? 0 : (double)texts.Count(o => o.Result.Outcome != ScreeningOutcome.Publish) / texts.Count;
        }
    }
}
