using Engagement.Core.Tallies;

namespace Engagement.Core.Ratings;

/// <summary>The tally buckets ratings move in their service's scope: "score.1" to "score.5".</summary>
public static class RatingTallies
{
    public static string ScoreBucket(int score) => $"score.{score}";

    /// <summary>A rating counts in its service's scope, its service's day, and, when it names its page, in that page's scope.</summary>
    public static TallyDelta ForNew(ServiceRating rating)
    {
        var delta = new TallyDelta()
            .Add(TallyScopes.Service(rating.ServiceId), ScoreBucket(rating.Score))
            .Add(TallyScopes.ServiceDay(rating.ServiceId, TallyScopes.DayOf(rating.CreatedAt)), ScoreBucket(rating.Score));
        if (rating.PageUrl is not null)
            delta.Add(TallyScopes.ServicePage(rating.ServiceId, rating.PageUrl), ScoreBucket(rating.Score));
        return delta;
    }
}
