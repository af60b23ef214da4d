using Engagement.Insights.Sentiment;

namespace Engagement.Insights.Tests.Sentiment;

/// <summary>The report's figures are computed right, with labels outside the classes counted as wrong.</summary>
public sealed class EvaluationTests
{
    [Fact]
    public void Accuracy_per_class_figures_and_macro_F1_follow_from_the_confusion_matrix()
    {
        (string, string)[] pairs =
        [
            ("negative", "negative"), ("negative", "negative"), ("negative", "neutral"), ("negative", "unknown"),
            ("neutral", "neutral"), ("neutral", "positive"),
            ("positive", "positive"), ("positive", "positive"),
        ];

        var e = Evaluation.Of(pairs, Corpus.Labels);

        Assert.Equal(5.0 / 8, e.Accuracy, 6);
        Assert.Equal((1.0, 0.5, 4), (e.Classes[0].Precision, e.Classes[0].Recall, e.Classes[0].Support));
        Assert.Equal((0.5, 0.5), (e.Classes[1].Precision, e.Classes[1].Recall));
        Assert.Equal((2.0 / 3, 1.0), (e.Classes[2].Precision, e.Classes[2].Recall));
        Assert.Equal((2.0 / 3 + 0.5 + 0.8) / 3, e.MacroF1, 6);
        Assert.Equal(1, e.Confusion[0, 3]);
    }
}
