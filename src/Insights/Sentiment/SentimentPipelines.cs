using Microsoft.ML;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace Engagement.Insights.Sentiment;

/// <summary>One way of turning text into features and features into a label, tried by the trainer.</summary>
internal sealed record SentimentPipeline(string Name, string Description, Func<MLContext, IEstimator<ITransformer>> Build);

/// <summary>The pipelines the trainer compares; the best by cross-validated macro-F1 on the training set is shipped.</summary>
internal static class SentimentPipelines
{
    public static IReadOnlyList<SentimentPipeline> All { get; } =
    [
        new("words", "word 1–2-grams, SDCA maximum entropy", ml => Classify(ml, Featurize(ml, words: true, chars: false), lexicon: false, Sdca)),
        new("chars", "character 2–4-grams, SDCA maximum entropy", ml => Classify(ml, Featurize(ml, words: false, chars: true), lexicon: false, Sdca)),
        new("words+chars", "word 1–2-grams and character 2–4-grams, SDCA maximum entropy", ml => Classify(ml, Featurize(ml, words: true, chars: true), lexicon: false, Sdca)),
        new("words+chars+lexicon", "word and character n-grams with the word-list features, SDCA maximum entropy", ml => Classify(ml, Featurize(ml, words: true, chars: true), lexicon: true, Sdca)),
        new("words+chars+lexicon/lbfgs", "word and character n-grams with the word-list features, L-BFGS maximum entropy", ml => Classify(ml, Featurize(ml, words: true, chars: true), lexicon: true, Lbfgs)),
    ];

    private static IEstimator<ITransformer> Sdca(MLContext ml) =>
        ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Label", FeatureColumnName = "Features", NumberOfThreads = 1, MaximumNumberOfIterations = 60,
        });

    private static IEstimator<ITransformer> Lbfgs(MLContext ml) =>
        ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Label", FeatureColumnName = "Features", NumberOfThreads = 1, L2Regularization = 0.5f,
        });

    /// <summary>Text features: lower-cased and accent-free (many people type French without accents), punctuation kept.</summary>
    public static IEstimator<ITransformer> Featurize(MLContext ml, bool words, bool chars) =>
        ml.Transforms.Text.FeaturizeText("TextFeatures", new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = true,
            KeepNumbers = true,
            WordFeatureExtractor = words ? new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true } : null,
            CharFeatureExtractor = chars ? new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true, SkipLength = 0 } : null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        }, "Text");

    private static IEstimator<ITransformer> Classify(MLContext ml, IEstimator<ITransformer> text, bool lexicon, Func<MLContext, IEstimator<ITransformer>> trainer)
    {
        IEstimator<ITransformer> features = text;
        features = lexicon
            ? features.Append(ml.Transforms.NormalizeMeanVariance("LexiconNormalized", "Lexicon"))
                .Append(ml.Transforms.Concatenate("Features", "TextFeatures", "LexiconNormalized"))
            : features.Append(ml.Transforms.CopyColumns("Features", "TextFeatures"));
        return ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(features)
            .Append(trainer(ml))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    }

    /// <summary>The abuse model: the same text features and word lists, logistic regression on abusive or not.</summary>
    public static IEstimator<ITransformer> Abuse(MLContext ml) =>
        Featurize(ml, words: true, chars: true)
            .Append(ml.Transforms.NormalizeMeanVariance("LexiconNormalized", "Lexicon"))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", "LexiconNormalized"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new Microsoft.ML.Trainers.SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = "Label", FeatureColumnName = "Features", ExampleWeightColumnName = "Weight", NumberOfThreads = 1, MaximumNumberOfIterations = 60,
            }));
}
