using Engagement.Core.Common;
using Engagement.Core.Comments;
using Engagement.Core.Consultations;
using Engagement.Core.Notifications;
using Engagement.Core.Organisations;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;

namespace Engagement.Core.Insights;

/// <summary>
/// Compares each service's and open consultation's last week with the four weeks before it, from their day tallies (and
/// each theme's, from the texts of the organisation's last theme snapshot), and
/// raises an alert when the negative share or the volume moved beyond chance: a two-proportion z-test for the share, a
/// Poisson z-score for the volume, both at |z| ≥ <see cref="Threshold"/> and only with enough evidence on both sides.
/// Returns the alerts newly raised.
/// </summary>
/// <remarks>
/// |z| ≥ 3 is about one false alarm in 370 checks of a steady figure, so a daily check of a hundred services raises a
/// false one about once every few days rather than every day.
/// </remarks>
public sealed class DriftDetection(
    IServiceStore services, IConsultationStore consultations, ITallyStore tallies, IThemeStore themes, IDriftAlertStore alerts, DriftAlertNotices notices,
    TimeProvider clock) : IUseCase
{
    public const int RecentDays = 7;
    public const int BaselineDays = 28;
    public const double Threshold = 3;

    /// <summary>Labelled texts needed in each window before a change in share means anything.</summary>
    public const int MinTexts = 20;

    /// <summary>Expected records in the recent window needed before a change in volume means anything.</summary>
    public const double MinExpectedVolume = 10;

    public async Task<IReadOnlyList<DriftAlert>> ExecuteAsync(string organisationId, CancellationToken ct = default)
    {
        var today = TallyScopes.DayOf(clock.GetUtcNow());
        var raised = new List<DriftAlert>();
        foreach (var service in await services.ListByOrganisationAsync(organisationId, ct))
        {
            var (recent, baseline) = await WindowsAsync(day => TallyScopes.ServiceDay(service.Id, day), today, ct);
            long Volume(Tally t) => Enumerable.Range(1, 5).Sum(s => t[RatingTallies.ScoreBucket(s)]);
            raised.AddRange(await CheckAsync(organisationId, DriftSubject.Service, service.Id, NamesOf(service.Name), today, recent, baseline, Volume, ct));
        }
        foreach (var consultation in await consultations.ListAsync(organisationId, ConsultationStatus.Open, ct))
        {
            var (recent, baseline) = await WindowsAsync(day => TallyScopes.ConsultationDay(consultation.Id, day), today, ct);
            long Volume(Tally t) => Enum.GetValues<CommentStatus>().Sum(s => t[CommentTallies.StatusBucket(false, s)] + t[CommentTallies.StatusBucket(true, s)]);
            raised.AddRange(await CheckAsync(organisationId, DriftSubject.Consultation, consultation.Id, NamesOf(consultation.Title), today, recent, baseline, Volume, ct));
        }
        if (await themes.GetAsync(organisationId, ct) is { } snapshot)
        {
            var texts = await themes.ListRecentTextsAsync(organisationId, RefreshThemes.MaxTexts, ct);
            foreach (var (themeId, recent, baseline) in ThemeWindows(snapshot, texts, today))
            {
                var name = snapshot.Themes.FirstOrDefault(t => t.Id == themeId)?.Name ?? themeId;
                raised.AddRange(await CheckAsync(organisationId, DriftSubject.Theme, themeId, (name, name), today, recent, baseline, t => t[TextsBucket], ct));
            }
        }
        return raised;
    }

    private const string TextsBucket = "texts";

    private static (string En, string Fr) NamesOf(LocalizedText name) => (name.In("en") ?? "", name.In("fr") ?? "");

    // A theme has no tallies of its own: its windows are counted from its texts (the snapshot says which theme each is in).
    // The texts read are the organisation's most recent, so for a very busy organisation the baseline may be cut short;
    // a shorter baseline only makes the test more cautious (fewer baseline texts, wider standard error).
    private static IEnumerable<(string ThemeId, Tally Recent, Tally Baseline)> ThemeWindows(ThemeSnapshot snapshot, IReadOnlyList<PublicText> texts, DateOnly today)
    {
        var recentFrom = today.AddDays(-(RecentDays - 1));
        var baselineFrom = recentFrom.AddDays(-BaselineDays);
        var counts = new Dictionary<string, (TallyDelta Recent, TallyDelta Baseline)>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var day = TallyScopes.DayOf(text.At);
            if (day < baselineFrom || day > today || !snapshot.ThemeOfText.TryGetValue(text.Key, out var themeId))
                continue;
            if (!counts.TryGetValue(themeId, out var windows))
                counts[themeId] = windows = (new TallyDelta(), new TallyDelta());
            var window = day >= recentFrom ? windows.Recent : windows.Baseline;
            window.Add(themeId, TextsBucket).Add(themeId, SentimentTallies.Bucket(text.Label));
        }
        return counts.Select(c => (c.Key, ToTally(c.Value.Recent), ToTally(c.Value.Baseline)));

        static Tally ToTally(TallyDelta delta) => new("", delta.Changes.ToDictionary(c => c.Bucket, c => c.Delta, StringComparer.Ordinal));
    }

    // The recent window ends today; the baseline is the days just before it. Both read in one store call.
    private async Task<(Tally Recent, Tally Baseline)> WindowsAsync(Func<DateOnly, string> dayScope, DateOnly today, CancellationToken ct)
    {
        var recentFrom = today.AddDays(-(RecentDays - 1));
        var sums = await tallies.SumDaysAsync(dayScope,
            [TallyDays.Between(recentFrom, today), TallyDays.Between(recentFrom.AddDays(-BaselineDays), recentFrom.AddDays(-1))], ct);
        return (sums[0], sums[1]);
    }

    private async Task<IReadOnlyList<DriftAlert>> CheckAsync(
        string organisationId, DriftSubject subject, string subjectId, (string En, string Fr) subjectName, DateOnly today, Tally recent, Tally baseline,
        Func<Tally, long> volume, CancellationToken ct)
    {
        var found = new List<DriftAlert>();
        var (r, b) = (SentimentMix.From(recent), SentimentMix.From(baseline));
        if (NegativeShareZ(r, b) is { } z && Math.Abs(z) >= Threshold)
            found.Add(Alert(DriftMetric.NegativeShare, r.NegativeShare!.Value, b.NegativeShare!.Value, z, r.Labelled));
        if (VolumeZ(volume(recent), volume(baseline)) is { } v && Math.Abs(v) >= Threshold)
            found.Add(Alert(DriftMetric.Volume, (double)volume(recent) / RecentDays, (double)volume(baseline) / BaselineDays, v, volume(recent)));

        var raised = new List<DriftAlert>();
        foreach (var alert in found)
        {
            if (await alerts.TryAddAsync(alert, await notices.ForAsync(alert, subjectName, ct), ct))
                raised.Add(alert);
        }
        return raised;

        DriftAlert Alert(DriftMetric metric, double observed, double baselineValue, double statistic, long count) => new()
        {
            Id = Ids.New(), OrganisationId = organisationId, Subject = subject, SubjectId = subjectId, Metric = metric, Day = today,
            Observed = observed, Baseline = baselineValue, Z = statistic, RecentCount = count, RaisedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>The two-proportion z-score of the recent negative share against the baseline's; null with too few texts.</summary>
    public static double? NegativeShareZ(SentimentMix recent, SentimentMix baseline)
    {
        if (recent.Labelled < MinTexts || baseline.Labelled < MinTexts)
            return null;
        double n1 = recent.Labelled, n2 = baseline.Labelled;
        var pooled = (recent.Negative + baseline.Negative) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        return se == 0 ? null : (recent.NegativeShare!.Value - baseline.NegativeShare!.Value) / se;
    }

    /// <summary>
    /// The Poisson z-score of the recent window's count against what the baseline's daily rate predicts for it; null when
    /// too little is expected (or the baseline is empty, when no rate is known).
    /// </summary>
    public static double? VolumeZ(long recent, long baseline)
    {
        var expected = (double)baseline / BaselineDays * RecentDays;
        return expected < MinExpectedVolume ? null : (recent - expected) / Math.Sqrt(expected);
    }
}
