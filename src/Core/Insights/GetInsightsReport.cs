using Engagement.Core.Common;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;

namespace Engagement.Core.Insights;

/// <summary>What an insights dashboard looks at: one service, consultation or survey.</summary>
public enum InsightsSubjectKind
{
    Service,
    Consultation,
    Survey,
}

/// <summary>A service, consultation or survey named as "service:ID" (the same spelling as its tally scope).</summary>
public sealed record InsightsSubject(InsightsSubjectKind Kind, string Id)
{
    /// <summary>The longest subject accepted, so a hostile address is refused before any store is read.</summary>
    public const int MaxLength = 100;

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Id}";

    /// <summary>The subject "kind:id"; null for anything else (unknown kind, empty or oversized id).</summary>
    public static InsightsSubject? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
            return null;
        var colon = value.IndexOf(':');
        if (colon < 1 || colon == value.Length - 1)
            return null;
        var kind = value[..colon] switch
        {
            "service" => InsightsSubjectKind.Service,
            "consultation" => InsightsSubjectKind.Consultation,
            "survey" => (InsightsSubjectKind?)InsightsSubjectKind.Survey,
            _ => null,
        };
        var id = value[(colon + 1)..];
        return kind is null || id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? null : new InsightsSubject(kind.Value, id);
    }
}

/// <summary>A share (0 to 1) with its 95% interval where the core computes one.</summary>
public sealed record ShareFigure(double Value, double? Low, double? High);

/// <summary>How many texts were read as each sentiment; null where the group is withheld (<see cref="PrivacyThreshold"/>).</summary>
public sealed record SentimentFigures(long? Negative, long? Neutral, long? Positive, long? Unknown);

/// <summary>
/// One period of a report: its volume (ratings, comments or responses), a service's average and satisfied share, and the
/// sentiment of its texts; every figure null where withheld.
/// </summary>
public sealed record ReportPeriod(DateOnly Start, DateOnly End, long? Volume, double? Average, ShareFigure? Satisfied, SentimentFigures Sentiment);

/// <summary>A theme heard in the subject, with how many of the subject's texts it holds (null: fewer than 5).</summary>
public sealed record ReportTheme(string Id, string Name, string Language, long? Count);

/// <summary>A text of the subject quoted as an example of its theme, in the theme's language.</summary>
public sealed record ReportQuote(string ThemeId, string ThemeName, string Language, string Text);

/// <summary>A drift alert about the subject or one of its themes: what moved, from what to what; figures null where withheld.</summary>
public sealed record ReportAlert(DateOnly Day, DriftSubject Subject, string SubjectId, DriftMetric Metric, double? Observed, double? Baseline, double? Z, long? RecentCount);

/// <summary>
/// What an insights dashboard or export may show of a subject over a range, the privacy threshold already applied:
/// headline figures for the whole range, one entry per period, themes, representative quotes and drift alerts.
/// </summary>
/// <param name="Volume">Ratings (a service), comments and replies received (a consultation) or responses (a survey) in the range.</param>
/// <param name="Texts">Texts whose sentiment was read (rating comments, published comments, text answers) in the range.</param>
public sealed record InsightsReport(
    InsightsSubject Subject, LocalizedText Name, InsightsRange Range, long? Volume, double? Average, ShareFigure? Satisfied, long? Texts,
    SentimentFigures Sentiment, IReadOnlyList<ReportPeriod> Periods, IReadOnlyList<ReportTheme> Themes, IReadOnlyList<ReportQuote> Quotes,
    IReadOnlyList<ReportAlert> Alerts);

/// <summary>
/// Builds an insights report of one of an organisation's services, consultations or surveys from the insights use cases,
/// the organisation's themes and its drift alerts, with every group under <see cref="PrivacyThreshold.K"/> withheld.
/// </summary>
public sealed class GetInsightsReport(
    GetServiceInsights services, GetConsultationInsights consultations, GetSurveyInsights surveys, IThemeStore themes, IDriftAlertStore alerts) : IUseCase
{
    /// <summary>Quotes shown per theme, and themes with quotes.</summary>
    public const int QuotesPerTheme = 2, ThemesQuoted = 5;

    /// <summary>Drift alerts read from the store before those of other subjects are left out.</summary>
    public const int AlertsRead = 200;

    public sealed record Request(string OrganisationId, InsightsSubject Subject, DateOnly? From, DateOnly? To, InsightsGranularity Granularity);

    // The raw counts a report is cut from, whatever the subject: per period, volume, ratings by score (services only)
    // and texts by sentiment.
    private sealed record Raw(DateOnly Start, DateOnly End, long Volume, IReadOnlyList<long> Scores, SentimentMix Sentiment);

    public async Task<Result<InsightsReport>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var subject = request.Subject;
        string organisationId;
        LocalizedText name;
        InsightsRange range;
        IReadOnlyList<Raw> periods;
        IReadOnlyList<ThemeCount> counts;
        switch (subject.Kind)
        {
            case InsightsSubjectKind.Service:
                var service = await services.ExecuteAsync(new(subject.Id, request.From, request.To, request.Granularity), ct);
                if (!service.Succeeded)
                    return Result<InsightsReport>.Fail(service.Errors);
                (organisationId, name, range, counts) = (service.Value.Service.OrganisationId, service.Value.Service.Name, service.Value.Range, service.Value.Themes);
                periods = [.. service.Value.Periods.Select(p => new Raw(p.Start, p.End, p.Ratings.Count, p.Ratings.Distribution, p.Sentiment))];
                break;
            case InsightsSubjectKind.Consultation:
                var consultation = await consultations.ExecuteAsync(new(subject.Id, request.From, request.To, request.Granularity), ct);
                if (!consultation.Succeeded)
                    return Result<InsightsReport>.Fail(consultation.Errors);
                var c = consultation.Value;
                (organisationId, name, range, counts) = (c.Consultation.OrganisationId, c.Consultation.Title, c.Range, c.Themes);
                periods = [.. c.Periods.Select(p => new Raw(p.Start!.Value, p.End!.Value, p.Received, [], p.Sentiment))];
                break;
            default:
                var survey = await surveys.ExecuteAsync(new(subject.Id, request.From, request.To, request.Granularity), ct);
                if (!survey.Succeeded)
                    return Result<InsightsReport>.Fail(survey.Errors);
                var s = survey.Value;
                (organisationId, name, range, counts) = (s.Survey.OrganisationId, s.Survey.Title, s.Range, s.Themes);
                periods = [.. s.Periods.Select(p => new Raw(p.Start!.Value, p.End!.Value, p.Responses, [], p.Sentiment))];
                break;
        }
        // Another organisation's subject is as unknown here as one that does not exist.
        if (organisationId != request.OrganisationId)
            return Result<InsightsReport>.Fail("subject", ErrorCodes.NotFound, "There is no such service, consultation or survey.");

        var report = Figures(subject, name, range, periods);
        var snapshot = await themes.GetAsync(organisationId, ct);
        var (shownThemes, quotes) = await ThemesAsync(organisationId, subject, snapshot, counts, ct);
        return report with { Themes = shownThemes, Quotes = quotes, Alerts = await AlertsAsync(organisationId, subject, range, shownThemes, ct) };
    }

    private static InsightsReport Figures(InsightsSubject subject, LocalizedText name, InsightsRange range, IReadOnlyList<Raw> periods)
    {
        var isService = subject.Kind == InsightsSubjectKind.Service;

        // Volume: each period is a part of the range's total, which the headline shows.
        var volume = periods.Sum(p => p.Volume);
        var volumeWithheld = PrivacyThreshold.Withhold([.. periods.Select(p => p.Volume)]);

        // Satisfaction: satisfied (4–5) and not, per period and over the range; a period whose volume is withheld hides both.
        var scores = Enumerable.Range(0, 5).Select(s => periods.Sum(p => p.Scores.Count > s ? p.Scores[s] : 0)).ToArray();
        var split = periods.Select(p => (IReadOnlyList<long>)[Satisfied(p.Scores), p.Volume - Satisfied(p.Scores)]).ToList();
        var splitWithheld = PrivacyThreshold.Withhold(split, initial: [.. volumeWithheld.Select(w => new[] { w, w })]);
        var headlineSplitShown = !PrivacyThreshold.Withhold([Satisfied(scores), volume - Satisfied(scores)]).Any(w => w);

        // Sentiment: a period's four buckets are parts of its texts and of the range's bucket totals.
        IReadOnlyList<long> Buckets(SentimentMix m) => [m.Negative, m.Neutral, m.Positive, m.Unknown];
        var mix = new SentimentMix(periods.Sum(p => p.Sentiment.Negative), periods.Sum(p => p.Sentiment.Neutral),
            periods.Sum(p => p.Sentiment.Positive), periods.Sum(p => p.Sentiment.Unknown));
        var sentimentWithheld = PrivacyThreshold.Withhold([.. periods.Select(p => Buckets(p.Sentiment))]);
        var texts = mix.Labelled + mix.Unknown;

        var overall = RatingSummary.From(subject.Id, ScoreTally(scores));
        var shownVolume = PrivacyThreshold.Show(volume);
        return new InsightsReport(subject, name, range, shownVolume,
            isService && shownVolume is not null ? overall.Average : null,
            isService && shownVolume is not null && headlineSplitShown && overall.Csat is { } csat ? new ShareFigure(csat, overall.CsatLow, overall.CsatHigh) : null,
            PrivacyThreshold.Show(texts),
            Sentiment(Buckets(mix), PrivacyThreshold.Withhold(Buckets(mix), totalShown: PrivacyThreshold.Allows(texts))),
            [.. periods.Select((p, i) =>
            {
                var summary = RatingSummary.From(subject.Id, ScoreTally(p.Scores));
                var shown = !volumeWithheld[i];
                return new ReportPeriod(p.Start, p.End, shown ? p.Volume : null,
                    isService && shown ? summary.Average : null,
                    isService && shown && !splitWithheld[i].Any(w => w) && summary.Csat is { } share ? new ShareFigure(share, summary.CsatLow, summary.CsatHigh) : null,
                    Sentiment(Buckets(p.Sentiment), sentimentWithheld[i]));
            })],
            [], [], []);
    }

    private static long Satisfied(IReadOnlyList<long> scores) => scores.Count == 5 ? scores[3] + scores[4] : 0;

    private static Tally ScoreTally(IReadOnlyList<long> scores) =>
        new("report", scores.Select((n, i) => (RatingTallies.ScoreBucket(i + 1), n)).ToDictionary(b => b.Item1, b => b.n, StringComparer.Ordinal));

    private static SentimentFigures Sentiment(IReadOnlyList<long> buckets, bool[] withheld) =>
        new(withheld[0] ? null : buckets[0], withheld[1] ? null : buckets[1], withheld[2] ? null : buckets[2], withheld[3] ? null : buckets[3]);

    // Themes whose own texts across the organisation number fewer than k are left out entirely: their name is made of
    // those few texts' words. Quotes come only from themes shown with a count, and only from the subject's own texts.
    private async Task<(IReadOnlyList<ReportTheme> Themes, IReadOnlyList<ReportQuote> Quotes)> ThemesAsync(
        string organisationId, InsightsSubject subject, ThemeSnapshot? snapshot, IReadOnlyList<ThemeCount> counts, CancellationToken ct)
    {
        if (snapshot is null)
            return ([], []);
        var summaries = snapshot.Themes.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var shown = counts.Where(c => summaries.TryGetValue(c.ThemeId, out var s) && PrivacyThreshold.Allows(s.Count))
            .Select(c => new ReportTheme(c.ThemeId, c.Name, c.Language, PrivacyThreshold.Show(c.Count))).ToList();
        var quoted = shown.Where(t => t.Count is not null).Take(ThemesQuoted).ToList();
        var candidates = quoted.SelectMany(t => summaries[t.Id].Quotes.Select(q => (Theme: t, Quote: q))).ToList();
        if (candidates.Count == 0)
            return (shown, []);
        var ours = (await themes.GetTextsAsync(organisationId, [.. candidates.Select(c => $"{c.Quote.Kind}:{c.Quote.TargetId}").Distinct()], ct))
            .Where(t => t.Scope == subject.ToString()).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var quotes = candidates.Where(c => ours.Contains($"{c.Quote.Kind}:{c.Quote.TargetId}"))
            .GroupBy(c => c.Theme.Id).SelectMany(g => g.Take(QuotesPerTheme))
            .Select(c => new ReportQuote(c.Theme.Id, c.Theme.Name, c.Theme.Language, c.Quote.Text)).ToList();
        return (shown, quotes);
    }

    private async Task<IReadOnlyList<ReportAlert>> AlertsAsync(
        string organisationId, InsightsSubject subject, InsightsRange range, IReadOnlyList<ReportTheme> shownThemes, CancellationToken ct)
    {
        var themeIds = shownThemes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        bool About(DriftAlert a) => a.Subject switch
        {
            DriftSubject.Service => subject.Kind == InsightsSubjectKind.Service && a.SubjectId == subject.Id,
            DriftSubject.Consultation => subject.Kind == InsightsSubjectKind.Consultation && a.SubjectId == subject.Id,
            _ => themeIds.Contains(a.SubjectId),
        };
        var all = await alerts.ListAsync(organisationId, AlertsRead, ct);
        return [.. all.Where(a => About(a) && a.Day >= range.From && a.Day <= range.To)
            .OrderByDescending(a => a.Day).ThenByDescending(a => a.RaisedAt)
            .Select(a => PrivacyThreshold.Allows(a.RecentCount)
                ? new ReportAlert(a.Day, a.Subject, a.SubjectId, a.Metric, a.Observed, a.Baseline, a.Z, a.RecentCount)
                : new ReportAlert(a.Day, a.Subject, a.SubjectId, a.Metric, null, null, null, null))];
    }
}
