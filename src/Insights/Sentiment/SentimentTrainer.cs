using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.ML;

namespace Engagement.Insights.Sentiment;

/// <summary>One pipeline's results: cross-validated on the training set, then trained on all of it and tried on the held-out set.</summary>
internal sealed record PipelineResult(
    SentimentPipeline Pipeline, double CrossValidatedMacroF1, Evaluation HeldOut, Evaluation HeldOutEnglish, Evaluation HeldOutFrench, TimeSpan TrainTime);

/// <summary>The abuse model's results on the held-out set at the thresholds moderation uses.</summary>
internal sealed record AbuseResult(int Abusive, int Clean, IReadOnlyList<(double Threshold, double Precision, double Recall, int CleanFlagged)> AtThresholds);

/// <summary>Everything a training run produced: the models' bytes and the report's figures.</summary>
internal sealed record TrainingRun(
    IReadOnlyList<LabelledText> Train, IReadOnlyList<LabelledText> HeldOut, IReadOnlyList<PipelineResult> Pipelines, PipelineResult Chosen,
    byte[] SentimentModel, byte[] AbuseModel, AbuseResult Abuse);

/// <summary>
/// Trains every pipeline of <see cref="SentimentPipelines"/>, picks the best by macro-F1 cross-validated on the training
/// set (the held-out set plays no part in the choice), and evaluates the chosen one on the held-out set through the same
/// code the platform scores with. Also trains the abuse model.
/// </summary>
internal sealed class SentimentTrainer(TextWriter log, int folds = 5, int seed = 7)
{
    public TrainingRun Run(string corpusDirectory)
    {
        var train = Corpus.Read(Path.Combine(corpusDirectory, "train"));
        var heldOut = Corpus.Read(Path.Combine(corpusDirectory, "heldout"));
        log.WriteLine($"Corpus: {train.Count} training texts, {heldOut.Count} held-out texts.");
        var ml = new MLContext(seed);
        var rows = train.Select(t => SentimentRow.For(t.Text, t.Label)).ToList();
        // Folds fixed by a seeded shuffle, so every pipeline is judged on the same splits.
        var order = Enumerable.Range(0, rows.Count).ToArray();
        new Random(seed).Shuffle(order);
        var foldOf = new int[rows.Count];
        for (var i = 0; i < order.Length; i++)
            foldOf[order[i]] = i % folds;

        var results = new List<PipelineResult>();
        foreach (var pipeline in SentimentPipelines.All)
        {
            log.WriteLine($"Pipeline {pipeline.Name}: {pipeline.Description}");
            var foldScores = new List<double>();
            for (var k = 0; k < folds; k++)
            {
                var fit = pipeline.Build(ml).Fit(ml.Data.LoadFromEnumerable(rows.Where((_, i) => foldOf[i] != k)));
                var test = rows.Where((_, i) => foldOf[i] == k).ToList();
                var predicted = ml.Data.CreateEnumerable<SentimentPrediction>(fit.Transform(ml.Data.LoadFromEnumerable(test)), reuseRowObject: false).ToList();
                foldScores.Add(Evaluation.Of([.. test.Zip(predicted, (t, p) => (t.Label, p.PredictedLabel))], Corpus.Labels).MacroF1);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  fold {k + 1}/{folds}: macro-F1 {foldScores[^1]:0.000}"));
            }
            var watch = Stopwatch.StartNew();
            var model = pipeline.Build(ml).Fit(ml.Data.LoadFromEnumerable(rows));
            watch.Stop();
            var bytes = Save(ml, model, rows);
            var (all, english, french) = EvaluateHeldOut(bytes, heldOut);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  cross-validated macro-F1 {foldScores.Average():0.000}; held-out macro-F1 {all.MacroF1:0.000} (en {english.MacroF1:0.000}, fr {french.MacroF1:0.000}); trained in {watch.Elapsed.TotalSeconds:0.0} s"));
            results.Add(new PipelineResult(pipeline, foldScores.Average(), all, english, french, watch.Elapsed));
            _models[pipeline.Name] = bytes;
        }
        var chosen = results.MaxBy(r => r.CrossValidatedMacroF1)!;
        log.WriteLine($"Chosen: {chosen.Pipeline.Name}");

        log.WriteLine("Abuse model…");
        var abuseWeight = (float)train.Count(t => !t.Abusive) / Math.Max(1, train.Count(t => t.Abusive));
        var abuseRows = train.Select(t => AbuseRow.For(t.Text, t.Abusive)).ToList();
        foreach (var row in abuseRows.Where(r => r.Label))
            row.Weight = abuseWeight;
        var abuse = SentimentPipelines.Abuse(ml).Fit(ml.Data.LoadFromEnumerable(abuseRows));
        var abuseBytes = Save(ml, abuse, abuseRows);
        var abuseResult = EvaluateAbuse(_models[chosen.Pipeline.Name], abuseBytes, heldOut);
        return new TrainingRun(train, heldOut, results, chosen, _models[chosen.Pipeline.Name], abuseBytes, abuseResult);
    }

    private readonly Dictionary<string, byte[]> _models = new(StringComparer.Ordinal);

    private static byte[] Save<TRow>(MLContext ml, ITransformer model, List<TRow> rows) where TRow : class
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, ml.Data.LoadFromEnumerable(rows.Take(1)).Schema, stream);
        return stream.ToArray();
    }

    // Through SentimentModel, as the platform scores: emoji-only and foreign texts take their defined outcomes.
    private static (Evaluation All, Evaluation English, Evaluation French) EvaluateHeldOut(byte[] model, IReadOnlyList<LabelledText> heldOut)
    {
        var scorer = new SentimentModel(new MemoryStream(model), null);
        var scores = scorer.ScoreMany([.. heldOut.Select(t => t.Text)]);
        var pairs = heldOut.Zip(scores, (t, s) => (t, Predicted: s.Label.ToString().ToLowerInvariant())).ToList();
        Evaluation Of(Func<LabelledText, bool> which) => Evaluation.Of([.. pairs.Where(p => which(p.t)).Select(p => (p.t.Label, p.Predicted))], Corpus.Labels);
        return (Of(_ => true), Of(t => t.Language == "en"), Of(t => t.Language == "fr"));
    }

    private static AbuseResult EvaluateAbuse(byte[] sentiment, byte[] abuse, IReadOnlyList<LabelledText> heldOut)
    {
        var scorer = new SentimentModel(new MemoryStream(sentiment), new MemoryStream(abuse));
        var scored = heldOut.Select(t => (t.Abusive, Score: scorer.ScoreAsync(t.Text, t.Language, CancellationToken.None).Result ?? 0)).ToList();
        var thresholds = new List<(double, double, double, int)>();
        foreach (var threshold in new[] { 0.5, 0.8 })
        {
            var flagged = scored.Where(s => s.Score >= threshold).ToList();
            var hits = flagged.Count(s => s.Abusive);
            thresholds.Add((threshold, flagged.Count == 0 ? 0 : (double)hits / flagged.Count, (double)hits / Math.Max(1, scored.Count(s => s.Abusive)), flagged.Count(s => !s.Abusive)));
        }
        return new AbuseResult(scored.Count(s => s.Abusive), scored.Count(s => !s.Abusive), thresholds);
    }

    /// <summary>The evaluation report committed as docs/insights-model.md.</summary>
    public static string Report(TrainingRun run)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("# Insights: the sentiment and abuse models");
        sb.AppendLine();
        sb.AppendLine("Written by `dotnet run --project src/Insights.Cli -c Release -- train`, which trains the models shipped in");
        sb.AppendLine("`src/Insights/Model/` from the corpus in `src/Insights/Corpus/sentiment/`. Do not edit by hand: retrain.");
        sb.AppendLine();
        sb.AppendLine("## Corpus");
        sb.AppendLine();
        sb.AppendLine("Hand-written public-service feedback (service comments, consultation comments, survey answers, rating comments), English");
        sb.AppendLine("and French, with typos, negation, sarcasm, mixed feelings, emoji and a share of abusive texts. The held-out set was");
        sb.AppendLine("written separately (by other writers, over a wider range of services), never split from the training texts; held-out");
        sb.AppendLine("texts identical to a training text once lower-cased and stripped of punctuation were removed from it.");
        sb.AppendLine();
        sb.AppendLine("Training set (`train/`):");
        sb.AppendLine();
        sb.Append(Corpus.Describe(run.Train));
        sb.AppendLine();
        sb.AppendLine("Held-out set (`heldout/`):");
        sb.AppendLine();
        sb.Append(Corpus.Describe(run.HeldOut));
        sb.AppendLine();
        sb.AppendLine("## Pipelines tried");
        sb.AppendLine();
        sb.AppendLine("Each pipeline is chosen on macro-F1 cross-validated over the training set (5 folds, the same folds for each); the");
        sb.AppendLine("held-out figures are reported, never used to choose. Held-out scoring goes through the platform's own scorer, so");
        sb.AppendLine("texts it does not read with the model (emoji only, another language) count as they would in service.");
        sb.AppendLine();
        sb.AppendLine("| pipeline | features and trainer | cross-validated macro-F1 | held-out macro-F1 | held-out en | held-out fr | held-out accuracy | training time (s) |");
        sb.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in run.Pipelines)
            sb.AppendLine(string.Create(inv, $"| {(r == run.Chosen ? $"**{r.Pipeline.Name}**" : r.Pipeline.Name)} | {r.Pipeline.Description} | {r.CrossValidatedMacroF1:0.000} | {r.HeldOut.MacroF1:0.000} | {r.HeldOutEnglish.MacroF1:0.000} | {r.HeldOutFrench.MacroF1:0.000} | {r.HeldOut.Accuracy:0.000} | {r.TrainTime.TotalSeconds:0.0} |"));
        sb.AppendLine();
        sb.AppendLine(string.Create(inv, $"**Chosen: `{run.Chosen.Pipeline.Name}`**, the best cross-validated macro-F1 ({run.Chosen.CrossValidatedMacroF1:0.000}). Model file: {run.SentimentModel.Length / 1024.0:0} KiB."));
        sb.AppendLine();
        sb.AppendLine("## The chosen model on the held-out set");
        sb.AppendLine();
        foreach (var (name, evaluation) in new[] { ("Both languages", run.Chosen.HeldOut), ("English", run.Chosen.HeldOutEnglish), ("French", run.Chosen.HeldOutFrench) })
        {
            sb.AppendLine(string.Create(inv, $"### {name}: accuracy {evaluation.Accuracy:0.000}, macro-F1 {evaluation.MacroF1:0.000} ({evaluation.Count} texts)"));
            sb.AppendLine();
            sb.Append(evaluation.ClassTable());
            sb.AppendLine();
            sb.Append(evaluation.ConfusionTable());
            sb.AppendLine();
        }
        sb.AppendLine("## Abuse model");
        sb.AppendLine();
        sb.AppendLine("Logistic regression (SDCA) over the same word and character n-grams and word-list features, trained on the corpus's");
        sb.AppendLine("abuse column (insults, threats, demeaning remarks; harsh criticism of a service is not abuse), each abusive text weighted");
        sb.AppendLine("by the number of clean texts per abusive one, since they are few. Moderation's abuse step");
        sb.AppendLine("holds a text at a score of 0.8 and notes it for the moderator from 0.5.");
        sb.AppendLine();
        sb.AppendLine(string.Create(inv, $"Held-out: {run.Abuse.Abusive} abusive texts, {run.Abuse.Clean} others. Model file: {run.AbuseModel.Length / 1024.0:0} KiB."));
        sb.AppendLine();
        sb.AppendLine("| threshold | precision | recall | other texts flagged |");
        sb.AppendLine("| ---: | ---: | ---: | ---: |");
        foreach (var (threshold, precision, recall, cleanFlagged) in run.Abuse.AtThresholds)
            sb.AppendLine(string.Create(inv, $"| {threshold:0.0} | {precision:0.000} | {recall:0.000} | {cleanFlagged} |"));
        return sb.ToString();
    }
}
