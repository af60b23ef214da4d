using Engagement.Insights.Sentiment;
using Xunit.Abstractions;

namespace Engagement.Insights.Tests.Sentiment;

/// <summary>
/// The shipped model on the held-out texts it never trained on, through the same scorer the platform uses, must stay
/// at or above the floors set from docs/insights-model.md; a retrained model that falls below them fails here.
/// </summary>
public sealed class HeldOutEvaluationTests(ITestOutputHelper output)
{
    // Set a little under the report's figures, so noise from retraining does not fail the build but a real drop does.
    public const double EnglishMacroF1Floor = 0.74; // report: 0.775
    public const double FrenchMacroF1Floor = 0.77; // report: 0.801
    public const double AbuseRecallAtHalfFloor = 0.75; // report: 0.825
    public const double AbusePrecisionAtHoldFloor = 0.70; // report: 0.829

    private static readonly IReadOnlyList<LabelledText> HeldOut = Corpus.Read(Path.Combine(ShippedModel.CorpusDirectory, "heldout"));

    [Theory]
    [InlineData("en", EnglishMacroF1Floor)]
    [InlineData("fr", FrenchMacroF1Floor)]
    public void The_shipped_model_meets_its_macro_F1_floor_on_held_out_texts(string language, double floor)
    {
        var texts = HeldOut.Where(t => t.Language == language).ToList();
        var scores = ShippedModel.Instance.ScoreMany([.. texts.Select(t => t.Text)]);
        var evaluation = Evaluation.Of([.. texts.Zip(scores, (t, s) => (t.Label, s.Label.ToString().ToLowerInvariant()))], Corpus.Labels);

        output.WriteLine($"{language}: {evaluation.Count} texts, accuracy {evaluation.Accuracy:0.000}, macro-F1 {evaluation.MacroF1:0.000}");
        output.WriteLine(evaluation.ClassTable());
        Assert.True(evaluation.MacroF1 >= floor, $"macro-F1 {evaluation.MacroF1:0.000} is below the floor {floor:0.000}");
    }

    [Fact]
    public async Task The_abuse_model_meets_its_floors_on_held_out_texts()
    {
        var scored = new List<(bool Abusive, double Score)>();
        foreach (var text in HeldOut)
            scored.Add((text.Abusive, await ShippedModel.Instance.ScoreAsync(text.Text, text.Language, CancellationToken.None) ?? 0));
        var abusive = scored.Count(s => s.Abusive);
        var recallAtHalf = (double)scored.Count(s => s.Abusive && s.Score >= 0.5) / abusive;
        var held = scored.Where(s => s.Score >= 0.8).ToList();
        var precisionAtHold = held.Count == 0 ? 1 : (double)held.Count(s => s.Abusive) / held.Count;

        output.WriteLine($"{abusive} abusive of {scored.Count}; recall at 0.5 {recallAtHalf:0.000}; precision at 0.8 {precisionAtHold:0.000} ({held.Count} held)");
        Assert.True(recallAtHalf >= AbuseRecallAtHalfFloor, $"recall at 0.5 {recallAtHalf:0.000} is below {AbuseRecallAtHalfFloor}");
        Assert.True(precisionAtHold >= AbusePrecisionAtHoldFloor, $"precision at 0.8 {precisionAtHold:0.000} is below {AbusePrecisionAtHoldFloor}");
    }
}
