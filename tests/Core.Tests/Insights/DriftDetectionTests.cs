using Engagement.Core.Email;
using Engagement.Core.Insights;
using Engagement.Core.Staff;
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
        var analyst = await _platform.CreateStaffMemberAsync(turning.OrganisationId, Role.Analyst);
        var moderator = await _platform.CreateStaffMemberAsync(turning.OrganisationId, Role.Moderator);

        var raised = await _platform.DriftDetection.ExecuteAsync(turning.OrganisationId);
        var again = await _platform.DriftDetection.ExecuteAsync(turning.OrganisationId);

        var alert = Assert.Single(raised);
        Assert.Equal((DriftSubject.Service, turning.Id, DriftMetric.NegativeShare, 1.0), (alert.Subject, alert.SubjectId, alert.Metric, alert.Observed));
        Assert.Equal(0.25, alert.Baseline, 3);
        Assert.True(alert.Z >= DriftDetection.Threshold);
        Assert.Empty(again);
        Assert.Single(await _platform.DriftAlerts.ListAsync(turning.OrganisationId, 10));
        // Analysts are told once, in both languages, with the figures; moderators are not.
        var notices = (await _platform.Outbox.ListAsync(OutboxStatus.Pending, 100_000)).Select(e => e.Message)
            .Where(m => m.To == analyst.Email || m.To == moderator.Email).ToList();
        var notice = Assert.Single(notices);
        Assert.Equal(analyst.Email, notice.To);
        Assert.StartsWith("Drift alert: Passport office / Alerte de tendance : Bureau des passeports", notice.Subject);
        Assert.Contains("rose from 25% to 100% over the last 7 days (21 texts", notice.PlainText);
        Assert.Contains("est passée de 25\u00a0% à 100\u00a0%", notice.PlainText);
        Assert.Contains("lang=\"fr\"", notice.Html);
        Assert.StartsWith("https://engage.example.org/en/unsubscribe?token=", notice.ListUnsubscribe);
    }

    [Fact]
    public async Task A_theme_turning_negative_raises_an_alert_counted_from_its_texts()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var tags = new List<(TextKind, string, SentimentTag)>();
        var keys = new Dictionary<string, string>();
        // Four weeks at two texts a day, a quarter negative; then a week at three a day (close to the usual volume), all negative.
        for (var day = 0; day < 35; day++)
        {
            for (var i = 0; i < (day >= 28 ? 3 : 2); i++)
            {
                var at = ManualClock.Start.AddDays(day);
                var comment = new Engagement.Core.Comments.Comment
                {
                    Id = Engagement.Core.Common.Ids.New(), ConsultationId = consultation.Id, OrganisationId = consultation.OrganisationId,
                    ParticipantId = "p", Text = $"Bus stop {day}-{i}", Language = "en", Status = Engagement.Core.Comments.CommentStatus.Published,
                    CreatedAt = at, UpdatedAt = at,
                };
                await _platform.Comments.TryAddAsync(comment);
                var negative = day >= 28 || (day * 2 + i) % 4 == 0;
                tags.Add((TextKind.Comment, comment.Id, new SentimentTag(negative ? SentimentLabel.Negative : SentimentLabel.Positive, 0.9f, 0, 0, 0, "en", SentimentNote.None, "m")));
                keys[$"Comment:{comment.Id}"] = "th_bus";
            }
        }
        await _platform.SentimentFeed.SaveTagsAsync(tags, 1);
        await _platform.Themes.SaveAsync(new ThemeSnapshot
        {
            OrganisationId = consultation.OrganisationId, RefreshedAt = ManualClock.Start, Watermark = 1, TextsRead = keys.Count,
            Themes = [new ThemeSummary("th_bus", "en", ["bus", "stop"], keys.Count, [])], ThemeOfText = keys,
        });
        _platform.Clock.UtcNow = ManualClock.Start.AddDays(34);

        var raised = await _platform.DriftDetection.ExecuteAsync(consultation.OrganisationId);

        var theme = Assert.Single(raised, a => a.Subject == DriftSubject.Theme);
        Assert.Equal(("th_bus", DriftMetric.NegativeShare, 1.0, 21L), (theme.SubjectId, theme.Metric, theme.Observed, theme.RecentCount));
        Assert.Equal(0.25, theme.Baseline, 3);
    }
}
