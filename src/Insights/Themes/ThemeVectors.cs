using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Engagement.Insights.Themes;

/// <summary>A sparse vector of unit length (or empty): the slots a text uses, ascending, and their weights.</summary>
internal readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public bool IsEmpty => Indices.Length == 0;

    public double Dot(SparseVector other)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < Indices.Length && j < other.Indices.Length)
        {
            if (Indices[i] == other.Indices[j])
                sum += Values[i++] * (double)other.Values[j++];
            else if (Indices[i] < other.Indices[j])
                i++;
            else
                j++;
        }
        return sum;
    }

    public double Dot(double[] dense)
    {
        double sum = 0;
        for (var i = 0; i < Indices.Length; i++)
            sum += Values[i] * dense[Indices[i]];
        return sum;
    }
}

/// <summary>
/// One language's texts as TF-IDF vectors of word unigrams and bigrams, stop words removed, built with ML.NET's text
/// transforms; terms that only one text uses are dropped when there are enough texts to share some.
/// </summary>
internal sealed class ThemeVectors
{
    private double[]? _totals;

    private ThemeVectors(IReadOnlyList<SparseVector> rows, IReadOnlyList<string> terms)
    {
        Rows = rows;
        Terms = terms;
    }

    /// <summary>One vector per text, in the order given; empty when none of the text's terms was kept.</summary>
    public IReadOnlyList<SparseVector> Rows { get; }

    /// <summary>The term of each slot: a word key, or two separated by a space for a bigram.</summary>
    public IReadOnlyList<string> Terms { get; }

    public int Dimension => Terms.Count;

    /// <summary>Each slot's weight summed over all rows.</summary>
    public double[] Totals => _totals ??= Sum(Rows, Dimension);

    /// <summary>Vectors whose slots are not terms (latent topics), named by their number.</summary>
    public static ThemeVectors Unnamed(IReadOnlyList<SparseVector> rows, int dimension) =>
        new(rows, Enumerable.Range(0, dimension).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray());

    /// <summary>The same features for only some of the texts.</summary>
    public ThemeVectors Only(IReadOnlyList<int> rows) => new(rows.Select(i => Rows[i]).ToList(), Terms);

    /// <param name="termsOfText">Each text's terms (see <see cref="ThemeTerms"/>); at least one text must have a term that is not a stop word.</param>
    /// <param name="minTexts">How many texts must use a term for it to be kept (1 or 2); with 2, some non-stop term must be used by two texts.</param>
    public static ThemeVectors Build(IReadOnlyList<string[]> termsOfText, IReadOnlySet<string> stopWords, int minTexts)
    {
        var ml = new MLContext(seed: ThemeDiscovery.Seed);
        var data = ml.Data.LoadFromEnumerable(termsOfText.Select(t => new TermsRow { Terms = string.Join(' ', t) }));
        // ML.NET's own IDF is log(N/df), which gives nothing to a term every text uses, so a handful of texts about one
        // thing would have no features at all. The featuriser counts; the smoothed IDF and the unit length are added below.
        var pipeline = ml.Transforms.Text.TokenizeIntoWords("Words", nameof(TermsRow.Terms))
            .Append(ml.Transforms.Text.RemoveStopWords("Words", "Words", [.. stopWords.Order(StringComparer.Ordinal)]))
            .Append(ml.Transforms.Conversion.MapValueToKey("WordKeys", "Words"))
            .Append(ml.Transforms.Text.ProduceNgrams("Counts", "WordKeys", ngramLength: 2, useAllLengths: true, weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("Shared", "Counts", count: minTexts));
        var featured = pipeline.Fit(data).Transform(data);

        var column = featured.Schema["Shared"];
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        var terms = names.DenseValues().Select(n => n.ToString().Replace('|', ' ')).ToArray();

        // An n-gram with a gap in it spans a number or punctuation: not a phrase anyone wrote.
        var spansGap = terms.Select(t => t.Split(' ').Contains(ThemeTerms.Gap)).ToArray();
        var counts = featured.GetColumn<VBuffer<float>>("Shared").Select(b => Compact(b, spansGap)).ToList();
        var textsWith = new int[terms.Length];
        foreach (var row in counts)
            foreach (var index in row.Indices)
                textsWith[index]++;
        var idf = textsWith.Select(df => Math.Log((1.0 + counts.Count) / (1.0 + df)) + 1).ToArray();
        return new ThemeVectors(counts.Select(row => Weigh(row, idf)).ToList(), terms);
    }

    private static double[] Sum(IReadOnlyList<SparseVector> rows, int dimension)
    {
        var sum = new double[dimension];
        foreach (var row in rows)
            for (var i = 0; i < row.Indices.Length; i++)
                sum[row.Indices[i]] += row.Values[i];
        return sum;
    }

    private static SparseVector Compact(VBuffer<float> buffer, bool[] dropped)
    {
        var indices = new List<int>();
        var values = new List<float>();
        foreach (var (index, value) in buffer.Items())
        {
            if (value == 0 || dropped[index])
                continue;
            indices.Add(index);
            values.Add(value);
        }
        return new SparseVector([.. indices], [.. values]);
    }

    private static SparseVector Weigh(SparseVector counts, double[] idf)
    {
        var values = new float[counts.Values.Length];
        double norm = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var weight = counts.Values[i] * idf[counts.Indices[i]];
            values[i] = (float)weight;
            norm += weight * weight;
        }
        if (norm > 0)
        {
            var scale = 1 / Math.Sqrt(norm);
            for (var i = 0; i < values.Length; i++)
                values[i] = (float)(values[i] * scale);
        }
        return counts with { Values = values };
    }

    /// <summary>What the featuriser reads: a text's terms separated by spaces.</summary>
    private sealed class TermsRow
    {
        public string Terms { get; set; } = "";
    }
}
