using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Engagement.Insights.Themes;

/// <summary>
/// Splits one language's text vectors into themes with ML.NET's k-means. Short texts share few words, so k-means on
/// the raw TF-IDF vectors lands in a different poor split for every seed; it runs instead on the texts projected onto
/// their k and 2k strongest latent topics (LSA: ML.NET's principal components, uncentred), from a few seeds each, and
/// the split that is tightest in the original TF-IDF space is kept.
/// </summary>
internal static class ThemeClustering
{
    // Fewer texts than this make one theme; up to ChooseFreelyFrom they make two only when they clearly are two.
    public const int SingleThemeBelow = 5;
    private const int ChooseFreelyFrom = 8;
    private const double ClearSilhouette = 0.1;
    // A theme of a handful of texts is noise to the people reading themes; about this many per theme, at most 12.
    private const int TextsPerTheme = 20;
    private const int Seeds = 3;

    /// <summary>
    /// How many themes texts make when not told: about one per <see cref="TextsPerTheme"/> texts, between 2 and
    /// <see cref="ThemeDiscovery.MaxThemesPerLanguage"/>. Silhouette, BIC and seed stability were tried as the judge
    /// and all rise with k on short texts (or fall to one theme), so the count comes from the volume of texts.
    /// </summary>
    public static int ThemesFor(int texts) =>
        texts < SingleThemeBelow ? 1 : Math.Clamp((int)Math.Round(texts / (double)TextsPerTheme), 2, ThemeDiscovery.MaxThemesPerLanguage);

    /// <summary>The theme (0-based) of each vector; every vector must be non-empty.</summary>
    public static int[] Cluster(ThemeVectors vectors, int? themes)
    {
        var n = vectors.Rows.Count;
        var distinct = Distinct(vectors);
        var k = Math.Min(themes is { } wanted ? Math.Max(wanted, 1) : ThemesFor(n), distinct);
        if (k <= 1)
            return new int[n];
        var labels = Best(vectors, k);
        return themes is null && n < ChooseFreelyFrom && Silhouette(vectors, labels) < ClearSilhouette ? new int[n] : labels;
    }

    private static int[] Best(ThemeVectors vectors, int k)
    {
        // A projection can fold different texts onto one point; k-means needs k distinct points to start from. The raw
        // vectors are the fallback only: on them k-means puts every text that shares little into one giant theme.
        var spaces = new[] { k, 2 * k }.Where(r => r >= 2 && r < Math.Min(vectors.Dimension, vectors.Rows.Count)).Distinct()
            .Select(rank => Project(vectors, rank)).Where(projected => Distinct(projected) >= k).DefaultIfEmpty(vectors).ToList();
        int[]? best = null;
        var bestSpread = double.PositiveInfinity;
        foreach (var space in spaces)
            for (var seed = 0; seed < Seeds; seed++)
            {
                var labels = Fit(space, k, ThemeDiscovery.Seed + seed);
                var spread = Spread(vectors, labels);
                // Strictly tighter only, so ties keep the earlier (simpler) candidate.
                if (spread < bestSpread - 1e-9)
                    (best, bestSpread) = (labels, spread);
            }
        return best!;
    }

    private static int[] Fit(ThemeVectors vectors, int k, int seed)
    {
        // A context per fit, so a fit does not depend on which fits ran before it.
        var ml = new MLContext(seed: seed);
        var data = Load(ml, vectors);
        var model = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(VectorRow.Features),
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            // One thread: parallel sums add up in a varying order, and the same texts must give the same themes.
            NumberOfThreads = 1,
        }).Fit(data);
        return model.Transform(data).GetColumn<uint>("PredictedLabel").Select(label => (int)label - 1).ToArray();
    }

    /// <summary>The texts on their <paramref name="rank"/> strongest latent topics, at unit length.</summary>
    private static ThemeVectors Project(ThemeVectors vectors, int rank)
    {
        var ml = new MLContext(seed: ThemeDiscovery.Seed);
        var data = Load(ml, vectors);
        var rows = ml.Transforms.ProjectToPrincipalComponents("Topics", nameof(VectorRow.Features), rank: rank, ensureZeroMean: false, seed: ThemeDiscovery.Seed)
            .Fit(data).Transform(data).GetColumn<VBuffer<float>>("Topics")
            .Select(buffer =>
            {
                var values = buffer.DenseValues().ToArray();
                var norm = Math.Sqrt(values.Sum(x => (double)x * x));
                for (var i = 0; i < values.Length; i++)
                    values[i] = norm > 0 && double.IsFinite(norm) ? (float)(values[i] / norm) : 0;
                return new SparseVector(Enumerable.Range(0, rank).ToArray(), values);
            }).ToList();
        return ThemeVectors.Unnamed(rows, rank);
    }

    private static IDataView Load(MLContext ml, ThemeVectors vectors)
    {
        var schema = SchemaDefinition.Create(typeof(VectorRow));
        schema[nameof(VectorRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vectors.Dimension);
        return ml.Data.LoadFromEnumerable(
            vectors.Rows.Select(r => new VectorRow { Features = new VBuffer<float>(vectors.Dimension, r.Indices.Length, r.Values, r.Indices) }), schema);
    }

    /// <summary>The k-means objective in the original space: squared distances to the theme means (n − Σ |sum|²/size).</summary>
    private static double Spread(ThemeVectors vectors, int[] labels)
    {
        var sums = new Dictionary<int, (double[] Sum, int Size)>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (!sums.TryGetValue(labels[i], out var cluster))
                cluster = (new double[vectors.Dimension], 0);
            var row = vectors.Rows[i];
            for (var j = 0; j < row.Indices.Length; j++)
                cluster.Sum[row.Indices[j]] += row.Values[j];
            sums[labels[i]] = (cluster.Sum, cluster.Size + 1);
        }
        return labels.Length - sums.Values.Sum(c => c.Sum.Sum(x => x * x) / c.Size);
    }

    /// <summary>Mean silhouette with distance 1 − cosine; a text alone in its theme scores 0. Quadratic: small sets only.</summary>
    private static double Silhouette(ThemeVectors vectors, int[] labels)
    {
        var n = labels.Length;
        var k = labels.Max() + 1;
        var size = new int[k];
        foreach (var label in labels)
            size[label]++;
        var total = 0.0;
        var distance = new double[k];
        for (var i = 0; i < n; i++)
        {
            Array.Clear(distance);
            for (var j = 0; j < n; j++)
                if (j != i)
                    distance[labels[j]] += 1 - vectors.Rows[i].Dot(vectors.Rows[j]);
            var own = labels[i];
            if (size[own] <= 1)
                continue;
            var a = distance[own] / (size[own] - 1);
            var b = Enumerable.Range(0, k).Where(c => c != own && size[c] > 0).Select(c => distance[c] / size[c]).DefaultIfEmpty(double.NaN).Min();
            var spread = Math.Max(a, b);
            total += double.IsNaN(b) || spread <= 0 ? 0 : (b - a) / spread;
        }
        return total / n;
    }

    // Rounded, so points that differ only by rounding noise count as one, as they do to k-means.
    private static int Distinct(ThemeVectors vectors) =>
        vectors.Rows
            .Select(v => string.Join(',', v.Indices.Zip(v.Values, (i, x) => x == 0 ? "" : i + ":" + Math.Round(x, 5).ToString(CultureInfo.InvariantCulture))))
            .Distinct(StringComparer.Ordinal).Count();

    /// <summary>What k-means and the projection read: one text's vector.</summary>
    private sealed class VectorRow
    {
        public VBuffer<float> Features { get; set; }
    }
}
