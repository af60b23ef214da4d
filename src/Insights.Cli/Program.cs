using System.Diagnostics;
using System.Globalization;
using System.Text;
using Engagement.Insights.Sentiment;

// train: retrain the shipped models from the corpus and rewrite their report.
// score: label texts (one per line, or TSV with an id first) from a file or stdin, writing id, label, probability.
return args.FirstOrDefault() switch
{
    "train" => Train(args[1..]),
    "score" => Score(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          train [--corpus DIR] [--models DIR] [--report FILE]
              Trains the sentiment pipelines and the abuse model on DIR/train, evaluates on DIR/heldout, and writes
              DIR's models to --models (default src/Insights/Model) and the report to --report (default docs/insights-model.md).
          score [FILE] [--tsv] [--details]
              Scores one text per line (or, with --tsv, "id<TAB>text" lines) from FILE or standard input and writes
              "id<TAB>label<TAB>probability" lines (with --details, also language and note). Without --tsv the id is the line number.
        """);
    return 2;
}

static int Train(string[] args)
{
    var root = RepositoryRoot();
    var corpus = Option(args, "--corpus") ?? Path.Combine(root, "src", "Insights", "Corpus", "sentiment");
    var models = Option(args, "--models") ?? Path.Combine(root, "src", "Insights", "Model");
    var report = Option(args, "--report") ?? Path.Combine(root, "docs", "insights-model.md");
    var watch = Stopwatch.StartNew();
    var run = new SentimentTrainer(Console.Out).Run(corpus);
    Directory.CreateDirectory(models);
    File.WriteAllBytes(Path.Combine(models, "sentiment.zip"), run.SentimentModel);
    File.WriteAllBytes(Path.Combine(models, "abuse.zip"), run.AbuseModel);
    File.WriteAllText(report, SentimentTrainer.Report(run), Encoding.UTF8);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Wrote {Path.Combine(models, "sentiment.zip")}, {Path.Combine(models, "abuse.zip")} and {report} in {watch.Elapsed.TotalSeconds:0} s. Rebuild src/Insights to embed the new models."));
    return 0;
}

static int Score(string[] args)
{
    var tsv = args.Contains("--tsv");
    var details = args.Contains("--details");
    var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
    if (file is not null && !File.Exists(file))
    {
        Console.Error.WriteLine($"No such file: {file}");
        return 2;
    }
    using var input = file is null ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8) : new StreamReader(file, Encoding.UTF8);
    using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
    var skipped = BatchScoring.Run(SentimentModel.LoadShipped(), input, output, Console.Error, tsv, details);
    return skipped > 0 ? 1 : 0;
}

static string? Option(string[] args, string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Engagement.sln")))
            return dir.FullName;
    throw new InvalidOperationException("Run `train` inside the repository, or give --corpus, --models and --report.");
}
