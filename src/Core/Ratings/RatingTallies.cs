using Engagement.Core.Tallies;

namespace Engagement.Core.Ratings;

/// <summary>The tally buckets ratings move in their service's scope: "score.1" to "score.5".</summary>
public static class RatingTallies
{
    public static string ScoreBucket(int score) => $"score.{score}";

    public static TallyDelta ForNew(ServiceRating rating) =>
        new TallyDelta().Add(TallyScopes.Service(rating.ServiceId), ScoreBucket(rating.Score));
}
