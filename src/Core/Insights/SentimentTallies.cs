using Engagement.Core.Tallies;

namespace Engagement.Core.Insights;

/// <summary>
/// The tally buckets sentiment tags move: "sentiment.negative", ".neutral", ".positive", ".unknown", in the scopes of the
/// text (its service, consultation or survey, and that scope's day of the text). A text counts once, with its latest tag;
/// it keeps counting if it is hidden later (the mix describes what was said in public).
/// </summary>
public static class SentimentTallies
{
    public static string Bucket(SentimentLabel label) => $"sentiment.{label.ToString().ToLowerInvariant()}";

    /// <summary>What tagging a text changes: its previous label (null when it had none) gives way to the new one.</summary>
    public static TallyDelta ForTag(IEnumerable<string> scopes, SentimentLabel? previous, SentimentLabel next)
    {
        var delta = new TallyDelta();
        if (previous == next)
            return delta;
        foreach (var scope in scopes)
        {
            if (previous is { } was)
                delta.Add(scope, Bucket(was), -1);
            delta.Add(scope, Bucket(next));
        }
        return delta;
    }
}
