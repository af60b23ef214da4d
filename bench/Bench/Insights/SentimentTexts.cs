using Engagement.Insights.Sentiment;

namespace Engagement.Bench.Insights;

/// <summary>The texts the sentiment benchmarks score: a fixed sample of the held-out corpus, English and French, every channel.</summary>
internal static class SentimentTexts
{
    /// <summary>How many texts each benchmark pass scores; a multiple of every batch size measured.</summary>
    public const int Count = 512;

    /// <summary>
    /// <see cref="Count"/> held-out texts in a fixed shuffled order, so languages, channels and labels are mixed as in
    /// service rather than grouped as in the files. Held-out texts, not training ones: the model has never seen them.
    /// </summary>
    public static string[] Sample()
    {
        var heldOut = Corpus.Read(Path.Combine(RepositoryRoot(), "src", "Insights", "Corpus", "sentiment", "heldout"));
        var texts = heldOut.Select(t => t.Text).ToArray();
        new Random(7).Shuffle(texts);
        return texts[..Count];
    }

    /// <summary>One line for the run's log: what the sample holds.</summary>
    public static string Describe(string[] texts) =>
        $"// {texts.Length} held-out texts, {texts.Min(t => t.Length)}–{texts.Max(t => t.Length)} characters, mean {texts.Average(t => t.Length):0}";

    /// <summary>Every corpus text, training and held-out, each once: distinct texts, so screening's near-duplicate rule holds none back.</summary>
    public static string[] All(string language)
    {
        var root = Path.Combine(RepositoryRoot(), "src", "Insights", "Corpus", "sentiment");
        return [.. Corpus.Read(Path.Combine(root, "train")).Concat(Corpus.Read(Path.Combine(root, "heldout")))
            .Where(t => t.Language == language).Select(t => t.Text).Distinct(StringComparer.Ordinal)];
    }

    // BenchmarkDotNet's in-process runs and `dotnet run` start in different directories; the build output is always below the repository.
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engagement.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Engagement.sln above {AppContext.BaseDirectory}.");
    }
}
