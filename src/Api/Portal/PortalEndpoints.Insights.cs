using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Engagement.Api.Composition;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Insights;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Engagement.Web.Staff.Insights;

namespace Engagement.Api.Portal;

// The staff workspace's insights area: the dashboard of one service, consultation or survey over a range, and its CSV
// and JSON exports. All three read the same filters and the same report, so what is downloaded is what the page shows,
// with the same privacy threshold (PrivacyThreshold, in the core) already applied.
internal static partial class PortalEndpoints
{
    /// <summary>The longest value of one filter read from the address; anything longer is refused as it stands.</summary>
    private const int MaxFilterLength = 100;

    private static void MapInsightsPages(RouteGroupBuilder pages)
    {
        pages.MapGet("/staff/insights", InsightsAsync).WithName("StaffInsights")
            .WithSummary("An organisation's insights dashboard: a service's, consultation's or survey's figures over a range, themes, quotes and drift alerts.");
        pages.MapGet("/staff/insights/export.{format:regex(^(csv|json)$)}", InsightsExportAsync).WithName("StaffInsightsExport")
            .WithSummary("The dashboard's figures for the same filters as a CSV (UTF-8, RFC 4180) or JSON file, with the same privacy threshold.");
    }

    private sealed record InsightsQuery(InsightsFilters Filters, InsightsSubject? Subject, DateOnly? From, DateOnly? To, InsightsGranularity Granularity)
    {
        public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    }

    private static async Task<IResult> InsightsAsync(
        string lang, HttpContext http, IStaffStore staff, IOrganisationStore organisations, IServiceStore services, IConsultationStore consultations,
        ISurveyStore surveys, GetInsightsReport reports)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ReadStaffData, staff, organisations);
        if (scope is null)
            return refusal!;
        var subjects = await InsightsSubjectsAsync(scope.Organisation.Id, language, services, consultations, surveys, http.RequestAborted);
        var (query, report) = await InsightsReportAsync(http, language, scope, subjects, reports);
        var page = StaffPage(http, language, InsightsTexts.Get("title", language), "insights", scope) with
        {
            // The chart library is the page's heaviest file: loaded only when there are figures to draw.
            Scripts = report is null ? [] : ["lib/chartjs/chart.umd.min.js", "insights.js"],
            LiveKind = report?.Subject.Kind.ToString().ToLowerInvariant(),
            LiveId = report?.Subject.Id,
        };
        var exports = $"/{language}/staff/insights/export";
        var filters = $"?organisationId={Uri.EscapeDataString(scope.Organisation.Id)}&subject={Uri.EscapeDataString(query.Filters.Subject)}"
            + $"&from={Uri.EscapeDataString(query.Filters.From)}&to={Uri.EscapeDataString(query.Filters.To)}&granularity={Uri.EscapeDataString(query.Filters.Granularity)}";
        return HostedPages.Render<InsightsPage>(http, new InsightsPageModel(page, scope.Organisation.Name.In(language) ?? "", $"/{language}/staff/insights", subjects, query.Filters)
        {
            Errors = query.Errors,
            Report = report,
            CsvUrl = report is null ? null : exports + ".csv" + filters,
            JsonUrl = report is null ? null : exports + ".json" + filters,
        }, query.Errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, live: true);
    }

    private static async Task<IResult> InsightsExportAsync(
        string lang, string format, HttpContext http, IStaffStore staff, IOrganisationStore organisations, IServiceStore services, IConsultationStore consultations,
        ISurveyStore surveys, GetInsightsReport reports)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ReadStaffData, staff, organisations);
        if (scope is null)
            return refusal!;
        var subjects = await InsightsSubjectsAsync(scope.Organisation.Id, language, services, consultations, surveys, http.RequestAborted);
        var (query, report) = await InsightsReportAsync(http, language, scope, subjects, reports);
        if (report is null)
            return Results.Text(query.Errors.Count > 0 ? string.Join(Environment.NewLine, query.Errors.Values) : InsightsTexts.Get("nothing", language),
                "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        http.Response.Headers.CacheControl = "no-store";
        var name = $"insights-{report.Subject.Kind.ToString().ToLowerInvariant()}-{SafeFileName(report.Subject.Id)}-{report.Range.From:yyyy-MM-dd}-{report.Range.To:yyyy-MM-dd}.{format}";
        return format == "csv"
            ? Results.File(InsightsCsv.Write(report, language), "text/csv; charset=utf-8", name)
            : Results.File(JsonSerializer.SerializeToUtf8Bytes(InsightsJson.Of(report, language), InsightsJson.Options), "application/json; charset=utf-8", name);
    }

    private static string SafeFileName(string id) => new([.. id.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(40)]);

    /// <summary>The organisation's services, consultations and surveys, as the dashboard's subject list offers them.</summary>
    private static async Task<IReadOnlyList<InsightsSubjectOption>> InsightsSubjectsAsync(
        string organisationId, string language, IServiceStore services, IConsultationStore consultations, ISurveyStore surveys, CancellationToken ct)
    {
        var culture = StringComparer.Create(CultureInfo.GetCultureInfo(language == "fr" ? "fr-CA" : "en-CA"), ignoreCase: true);
        IEnumerable<InsightsSubjectOption> Sorted(IEnumerable<InsightsSubjectOption> options) => options.OrderBy(o => o.Label, culture);
        return
        [
            .. Sorted((await services.ListByOrganisationAsync(organisationId, ct)).Select(s =>
                new InsightsSubjectOption(new InsightsSubject(InsightsSubjectKind.Service, s.Id).ToString(), s.Name.In(language) ?? s.Slug, InsightsSubjectKind.Service))),
            .. Sorted((await consultations.ListAsync(organisationId, null, ct)).Select(c =>
                new InsightsSubjectOption(new InsightsSubject(InsightsSubjectKind.Consultation, c.Id).ToString(), c.Title.In(language) ?? c.Slug, InsightsSubjectKind.Consultation))),
            .. Sorted((await surveys.ListAsync(organisationId, null, ct)).Select(s =>
                new InsightsSubjectOption(new InsightsSubject(InsightsSubjectKind.Survey, s.Id).ToString(), s.Title.In(language) ?? s.Slug, InsightsSubjectKind.Survey))),
        ];
    }

    /// <summary>
    /// Reads the filters (subject, from, to, granularity) from the address and builds the report; errors by field in the
    /// page's language instead when a filter is malformed or the range is refused. No subject means the first offered.
    /// </summary>
    private static async Task<(InsightsQuery Query, InsightsReport? Report)> InsightsReportAsync(
        HttpContext http, string language, StaffScope scope, IReadOnlyList<InsightsSubjectOption> subjects, GetInsightsReport reports)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string Value(string name)
        {
            var values = http.Request.Query[name];
            if (values.Count > 1 || (values.ToString() ?? "").Length > MaxFilterLength)
            {
                errors[name] = InsightsTexts.Get(name switch { "subject" => "bad-subject", "granularity" => "bad-granularity", _ => "bad-date" }, language);
                return "";
            }
            return values.ToString().Trim();
        }
        var given = new InsightsFilters(Value("subject"), Value("from"), Value("to"), Value("granularity").ToLowerInvariant());
        var filters = given with
        {
            Subject = given.Subject.Length == 0 && !errors.ContainsKey("subject") ? subjects.FirstOrDefault()?.Value ?? "" : given.Subject,
            Granularity = given.Granularity.Length == 0 ? "day" : given.Granularity,
        };

        var subject = subjects.Any(s => s.Value == filters.Subject) ? InsightsSubject.Parse(filters.Subject) : null;
        if (subject is null && subjects.Count > 0)
            errors.TryAdd("subject", InsightsTexts.Get("bad-subject", language));
        DateOnly? Date(string field, string value)
        {
            if (value.Length == 0)
                return null;
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return day;
            errors.TryAdd(field, InsightsTexts.Get("bad-date", language));
            return null;
        }
        var (from, to) = (Date("from", filters.From), Date("to", filters.To));
        var granularity = filters.Granularity switch { "day" => InsightsGranularity.Day, "week" => InsightsGranularity.Week, _ => (InsightsGranularity?)null };
        if (granularity is null)
            errors.TryAdd("granularity", InsightsTexts.Get("bad-granularity", language));

        var query = new InsightsQuery(filters, subject, from, to, granularity ?? InsightsGranularity.Day);
        foreach (var (field, error) in errors)
            query.Errors[field] = error;
        if (query.Errors.Count > 0 || subject is null)
            return (query, null);

        var result = await reports.ExecuteAsync(new(scope.Organisation.Id, subject, from, to, query.Granularity), http.RequestAborted);
        if (result.Succeeded)
            return (query, result.Value);
        foreach (var error in result.Errors)
        {
            var (field, text) = (error.Field, error.Code) switch
            {
                ("from", ErrorCodes.OutOfRange) => ("from", InsightsTexts.Get("bad-order", language)),
                ("to", ErrorCodes.OutOfRange) => ("to", InsightsTexts.Format("bad-length", language, InsightsRange.MaxDays)),
                ("granularity", _) => ("granularity", InsightsTexts.Get("bad-granularity", language)),
                _ => ("subject", InsightsTexts.Get("bad-subject", language)),
            };
            query.Errors.TryAdd(field, text);
        }
        return (query, null);
    }

    /// <summary>The report as a CSV file: one row per figure, withheld figures empty with a note; text cells defended against formulas.</summary>
    private static class InsightsCsv
    {
        private static readonly string Withheld = $"withheld: fewer than {PrivacyThreshold.K}";

        public static byte[] Write(InsightsReport r, string language)
        {
            var csv = new StringBuilder();
            void Row(params string?[] cells) => csv.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");
            string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string? Number(double? v) => v?.ToString("0.####", CultureInfo.InvariantCulture);
            void Figure(string section, DateOnly start, DateOnly end, string item, string measure, string? language, double? value, bool applies = true)
            {
                if (applies)
                    Row(section, Day(start), Day(end), Text(item), measure, language, Number(value), value is null ? Withheld : null);
            }

            Row("section", "start", "end", "item", "measure", "language", "value", "note");
            var (from, to) = (r.Range.From, r.Range.To);
            var service = r.Subject.Kind == InsightsSubjectKind.Service;
            var name = r.Name.In(language) ?? r.Subject.Id;
            var volume = r.Subject.Kind switch { InsightsSubjectKind.Service => "ratings", InsightsSubjectKind.Consultation => "comments_received", _ => "responses" };
            Figure("headline", from, to, name, volume, null, r.Volume);
            Figure("headline", from, to, name, "average", null, r.Average, service);
            Figure("headline", from, to, name, "satisfied_share", null, r.Satisfied?.Value, service);
            Figure("headline", from, to, name, "satisfied_share_low", null, r.Satisfied?.Low, service);
            Figure("headline", from, to, name, "satisfied_share_high", null, r.Satisfied?.High, service);
            Figure("headline", from, to, name, "texts", null, r.Texts);
            Sentiment("headline", from, to, name, r.Sentiment);
            foreach (var p in r.Periods)
            {
                Figure("period", p.Start, p.End, name, volume, null, p.Volume);
                Figure("period", p.Start, p.End, name, "average", null, p.Average, service);
                Figure("period", p.Start, p.End, name, "satisfied_share", null, p.Satisfied?.Value, service);
                Sentiment("period", p.Start, p.End, name, p.Sentiment);
            }
            foreach (var t in r.Themes)
                Figure("theme", from, to, t.Name, "texts", t.Language, t.Count);
            foreach (var q in r.Quotes)
                Row("quote", Day(from), Day(to), Text(q.ThemeName), "quote", q.Language, Text(q.Text), null);
            foreach (var a in r.Alerts)
            {
                var what = $"{a.Subject} {(a.Subject == DriftSubject.Theme ? r.Themes.FirstOrDefault(t => t.Id == a.SubjectId)?.Name ?? a.SubjectId : name)}";
                var metric = a.Metric == DriftMetric.NegativeShare ? "negative_share" : "volume_per_day";
                Figure("alert", a.Day, a.Day, what, $"{metric}_baseline", null, a.Baseline);
                Figure("alert", a.Day, a.Day, what, $"{metric}_recent", null, a.Observed);
                Figure("alert", a.Day, a.Day, what, "z", null, a.Z);
                Figure("alert", a.Day, a.Day, what, "recent_records", null, a.RecentCount);
            }
            return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];

            void Sentiment(string section, DateOnly start, DateOnly end, string item, SentimentFigures s)
            {
                Figure(section, start, end, item, "negative", null, s.Negative);
                Figure(section, start, end, item, "neutral", null, s.Neutral);
                Figure(section, start, end, item, "positive", null, s.Positive);
                Figure(section, start, end, item, "not_read", null, s.Unknown);
            }
        }

        // Text typed by citizens (quotes, the words that name a theme) or by staff (a subject's name): a spreadsheet must
        // not read it as a formula, so a cell that starts like one is prefixed with an apostrophe. Numbers are written
        // by us and left alone (a negative z must stay a number).
        public static string Text(string value) =>
            value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

        // RFC 4180: a cell holding a comma, quote, or line break is quoted, with its quotes doubled.
        private static string Quote(string? cell) =>
            cell is null ? "" : cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
    }

    /// <summary>The report as a JSON document: camelCase, ISO 8601 dates, null for every withheld figure.</summary>
    private static class InsightsJson
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
            WriteIndented = true,
        };

        public static object Of(InsightsReport r, string language) => new
        {
            subject = new { kind = r.Subject.Kind, id = r.Subject.Id, name = r.Name.In(language) },
            from = r.Range.From,
            to = r.Range.To,
            granularity = r.Range.Granularity,
            privacyThreshold = PrivacyThreshold.K,
            headline = new { volume = r.Volume, average = r.Average, satisfied = r.Satisfied, texts = r.Texts, sentiment = r.Sentiment },
            periods = r.Periods.Select(p => new { start = p.Start, end = p.End, volume = p.Volume, average = p.Average, satisfied = p.Satisfied, sentiment = p.Sentiment }),
            themes = r.Themes,
            quotes = r.Quotes,
            alerts = r.Alerts,
        };
    }
}
