using Engagement.Insights.Sentiment;

namespace Engagement.Insights.Tests.Sentiment;

/// <summary>The models embedded in the assembly, loaded once for all tests (loading takes a moment).</summary>
internal static class ShippedModel
{
    private static readonly Lazy<SentimentModel> Loaded = new(SentimentModel.LoadShipped);

    public static SentimentModel Instance => Loaded.Value;

    public static string CorpusDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Corpus");
}
