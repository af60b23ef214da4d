using System.Text.RegularExpressions;
using Engagement.Insights.Sentiment;

namespace Engagement.Insights.Tests.Sentiment;

/// <summary>The shipped corpus parses, is sizeable and balanced enough, and keeps its held-out texts out of training.</summary>
public sealed partial class CorpusTests
{
    private static readonly IReadOnlyList<LabelledText> Train = Corpus.Read(Path.Combine(ShippedModel.CorpusDirectory, "train"));
    private static readonly IReadOnlyList<LabelledText> HeldOut = Corpus.Read(Path.Combine(ShippedModel.CorpusDirectory, "heldout"));

    [Fact]
    public void Both_sets_cover_both_languages_and_every_class_with_thousands_of_training_texts()
    {
        Assert.True(Train.Count >= 3000, $"{Train.Count} training texts");
        Assert.True(HeldOut.Count >= 800, $"{HeldOut.Count} held-out texts");
        foreach (var set in new[] { Train, HeldOut })
            foreach (var language in new[] { "en", "fr" })
                foreach (var label in Corpus.Labels)
                {
                    var share = (double)set.Count(t => t.Language == language && t.Label == label) / set.Count(t => t.Language == language);
                    Assert.InRange(share, 0.2, 0.5);
                }
    }

    [Fact]
    public void No_held_out_text_appears_in_the_training_set()
    {
        var training = Train.Select(t => Normalise(t.Text)).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(HeldOut.Where(t => training.Contains(Normalise(t.Text))).Select(t => t.Text));
    }

    [Fact]
    public void Every_abusive_text_is_labelled_negative()
    {
        Assert.All(Train.Concat(HeldOut).Where(t => t.Abusive), t => Assert.Equal("negative", t.Label));
    }

    [Fact]
    public void A_malformed_line_is_refused_with_its_file_and_line_number()
    {
        var directory = Directory.CreateTempSubdirectory("corpus-test").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "bad.tsv"), "positive\t0\ten\trating\tGreat.\npositiv\t0\ten\trating\tTypo in the label.\n");

            var error = Assert.Throws<FormatException>(() => Corpus.Read(directory));

            Assert.Equal("bad.tsv line 2: expected label, abuse, language, channel and text.", error.Message);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private static string Normalise(string text) => NonWord().Replace(text.ToLowerInvariant(), " ").Trim();

    [GeneratedRegex(@"\W+")]
    private static partial Regex NonWord();
}
