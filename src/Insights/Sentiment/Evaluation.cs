using System.Globalization;
using System.Text;

namespace Engagement.Insights.Sentiment;

/// <summary>Precision, recall and F1 of one class, and how many texts truly have it.</summary>
internal sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>How a model's labels compare with the true ones: accuracy, macro-F1, per class, and the confusion matrix.</summary>
internal sealed record Evaluation(int Count, double Accuracy, double MacroF1, IReadOnlyList<ClassMetrics> Classes, IReadOnlyList<string> Labels, int[,] Confusion)
{
    /// <summary>Labels outside <paramref name="labels"/> (such as "unknown") count as wrong for every class.</summary>
    public static Evaluation Of(IReadOnlyList<(string Actual, string Predicted)> pairs, IReadOnlyList<string> labels)
    {
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var confusion = new int[labels.Count, labels.Count + 1];
        foreach (var (actual, predicted) in pairs)
            confusion[index[actual], index.TryGetValue(predicted, out var p) ? p : labels.Count]++;
        var classes = new List<ClassMetrics>();
        for (var c = 0; c < labels.Count; c++)
        {
            var truePositive = confusion[c, c];
            var predictedAs = Enumerable.Range(0, labels.Count).Sum(r => confusion[r, c]);
            var support = Enumerable.Range(0, labels.Count + 1).Sum(k => confusion[c, k]);
            var precision = predictedAs == 0 ? 0 : (double)truePositive / predictedAs;
            var recall = support == 0 ? 0 : (double)truePositive / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes.Add(new ClassMetrics(labels[c], precision, recall, f1, support));
        }
        var correct = Enumerable.Range(0, labels.Count).Sum(c => confusion[c, c]);
        return new Evaluation(pairs.Count, pairs.Count == 0 ? 0 : (double)correct / pairs.Count, classes.Average(c => c.F1), classes, labels, confusion);
    }

    public string ClassTable()
    {
        var sb = new StringBuilder("| class | precision | recall | F1 | texts |\n| --- | ---: | ---: | ---: | ---: |\n");
        foreach (var c in Classes)
            sb.Append(CultureInfo.InvariantCulture, $"| {c.Label} | {c.Precision:0.000} | {c.Recall:0.000} | {c.F1:0.000} | {c.Support} |\n");
        return sb.ToString();
    }

    public string ConfusionTable()
    {
        var sb = new StringBuilder("| true \\ predicted | " + string.Join(" | ", Labels) + " | unknown |\n| --- |" + string.Concat(Enumerable.Repeat(" ---: |", Labels.Count + 1)) + "\n");
        for (var r = 0; r < Labels.Count; r++)
            sb.Append(CultureInfo.InvariantCulture, $"| {Labels[r]} | {string.Join(" | ", Enumerable.Range(0, Labels.Count + 1).Select(c => Confusion[r, c]))} |\n");
        return sb.ToString();
    }
}
