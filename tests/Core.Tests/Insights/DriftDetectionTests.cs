using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Insights;

/// <summary>
/// Drift: a service's last week against the four before it, by negative share (two-proportion z) and volume (Poisson z);
/// alerts only beyond |z| ≥ 3 and with enough evidence, once per subject, metric and day.
/// </summary>
public sealed class DriftDetectionTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    [Fact]
    public void The_share_test_matches_a_worked_example_and_needs_twenty_texts_a_side()
    {
        // 30 of 50 negative against 40 of 200: pooled 0.28, se = sqrt(0.28·0.72·(1/50 + 1/200)) ≈ 0.0710, z ≈ 5.634.
        Assert.Equal(5.634, DriftDetection.NegativeShareZ(new SentimentMix(30, 10, 10, 0), new SentimentMix(40, 80, 80, 0))!.Value, 3);
        Assert.Null(DriftDetection.NegativeShareZ(new SentimentMix(19, 0, 0, 5), new SentimentMix(40, 80, 80, 0)));
        // 70 in a week against 112 in four weeks: expected 28, z = 42/sqrt(28) ≈ 7.937; too little expected gives none.
        Assert.Equal(7.937, DriftDetection.VolumeZ(70, 112)!.Value, 3);
        Assert.Null(DriftDetection.VolumeZ(50, 36));
    }

    [Fact]
    public async Task A_week_turning_negative_raises_one_alert_and_a_steady_service_none()
    {
        var turning = await _platform.CreateServiceAsync();
        var steady = await _platform.CreateServiceAsync(turning.OrganisationId);
        // Five weeks of rating comments, three a day on each service: the last week of `turning` is mostly negative.
        var tags = new List<(TextKind, string, SentimentTag)>();
        for (var day = 0; day < 35; day++)
        {
            _platform.Clock.UtcNow = ManualClock.Start.AddDays(day);
            foreach (var service in new[] { turning, steady })
            {
                for (var i = 0; i < 3; i++)
                {
                    var rating = ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new(service.Id, 3, "en", $"Comment {day}-{i}")));
                    var negative = service == turning && day >= 28 || (day + i) % 4 == 0;
                    tags.Add((TextKind.RatingComment, rating.Id,
                        new SentimentTag(negative ? SentimentLabel.Negative : SentimentLabel.Positive, 0.9f, 0, 0, 0, "en", SentimentNote.None, "m")));
                }
            }
        }
        await _platform.SentimentFeed.SaveTagsAsync(tags, 1);

        var raised = await _platform.DriftDetection.ExecuteAsync(turning.OrganisationId);
        var again = await _platform.DriftDetection.ExecuteAsync(turning.OrganisationId);

        var alert = Assert.Single(raised);
        Assert.Equal((DriftSubject.Service, turning.Id, DriftMetric.NegativeShare, 1.0), (alert.Subject, alert.SubjectId, alert.Metric, alert.Observed));
        Assert.Equal(0.25, alert.Baseline, 3);
        Assert.True(alert.Z >= DriftDetection.Threshold);
        Assert.Empty(again);
        Assert.Single(await _platform.DriftAlerts.ListAsync(turning.OrganisationId, 10));
    }
}
