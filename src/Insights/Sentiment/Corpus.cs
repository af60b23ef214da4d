using System.Globalization;
using System.Text;

namespace Engagement.Insights.Sentiment;

/// <summary>One labelled text of the shipped corpus.</summary>
internal sealed record LabelledText(string Label, bool Abusive, string Language, string Channel, string Text, string Source);

/// <summary>
/// The hand-written corpus in Corpus/sentiment: train/ for training, heldout/ for evaluation only. Each line is
/// label, abuse (0/1), language, channel and text, tab-separated.
/// </summary>
internal static class Corpus
{
    public static readonly string[] Labels = ["negative", "neutral", "positive"];

    public static IReadOnlyList<LabelledText> Read(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"No corpus directory at {directory}.");
        var texts = new List<LabelledText>();
        foreach (var file in Directory.GetFiles(directory, "*.tsv").Order(StringComparer.Ordinal))
        {
            var number = 0;
            foreach (var line in File.ReadLines(file, Encoding.UTF8))
            {
                number++;
                if (line.Length == 0)
                    continue;
                var fields = line.Split('\t');
                if (fields.Length != 5 || !Labels.Contains(fields[0]) || fields[1] is not ("0" or "1") || fields[2] is not ("en" or "fr") || fields[4].Length == 0)
                    throw new FormatException($"{Path.GetFileName(file)} line {number}: expected label, abuse, language, channel and text.");
                texts.Add(new LabelledText(fields[0], fields[1] == "1", fields[2], fields[3], fields[4], Path.GetFileName(file)));
            }
        }
        return texts;
    }

    /// <summary>Size, class balance and vocabulary diversity, per language, as a markdown table.</summary>
    public static string Describe(IReadOnlyList<LabelledText> texts)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| language | texts | negative | neutral | positive | abusive | words | distinct words | type/token | words seen once | mean words per text |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in texts.GroupBy(t => t.Language).OrderBy(g => g.Key).Append(texts.GroupBy(_ => "all").Single()))
        {
            var words = group.SelectMany(t => Tokens.Words(t.Text)).ToList();
            var counts = words.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
            int Share(string label) => group.Count(t => t.Label == label);
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key} | {group.Count():N0} | {Share("negative")} | {Share("neutral")} | {Share("positive")} | {group.Count(t => t.Abusive)} | {words.Count:N0} | {counts.Count:N0} | {(double)counts.Count / Math.Max(1, words.Count):0.000} | {counts.Count(c => c.Value == 1):N0} | {(double)words.Count / Math.Max(1, group.Count()):0.0} |"));
        }
        return sb.ToString();
    }
}
