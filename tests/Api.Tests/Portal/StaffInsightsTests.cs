using System.Net;
using System.Text;
using System.Text.Json;
using Engagement.Api.Tests.Widget.Browser;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Insights;
using Engagement.Core.Organisations;
using Engagement.Core.Ratings;
using Engagement.Core.Screening;
using Engagement.Core.Staff;
using Engagement.Core.Tallies;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// The staff workspace's insights dashboard: an analyst reads a service's figures, changes the filters and downloads
/// them as CSV (Chromium), the JSON export over HTTP, groups under five withheld everywhere, hostile theme and quote text
/// shown as text and defused in the CSV, bad filters told plainly, the refusals, and axe in both languages.
/// </summary>
public sealed class StaffInsightsTests(WidgetBrowserHost host) : IClassFixture<WidgetBrowserHost>
{
    private const string HostileTerm = "=cmd|' /C calc'!A0";
    private const string HostileQuote = "<script>alert('quote')</script> The counter closed at noon, again.";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A service with ratings: today 8 (six with a comment), two days ago 2, five days ago 6, ten days ago 7; the
    /// organisation's themes (one hostile, heard in six of the service's comments; one heard in two), and a drift alert.
    /// </summary>
    private async Task<(Organisation Organisation, Service Service, IReadOnlyList<string> Commented)> ServiceWithFeedbackAsync()
    {
        var app = host.App;
        var organisation = await app.CreateOrganisationAsync();
        var service = (await app.Get<CreateService>().ExecuteAsync(
            new(organisation.Id, $"passports-{Guid.NewGuid():N}"[..24], LocalizedText.EnFr("Passport office", "Bureau des passeports")), Actor.System)).Value;
        var now = DateTimeOffset.UtcNow;
        var ratings = new List<ServiceRating>();
        var commented = new List<string>();
        foreach (var (daysAgo, count) in new[] { (0, 8), (2, 2), (5, 6), (10, 7) })
            for (var i = 0; i < count; i++)
            {
                var comment = daysAgo == 0 && i < 6 ? (i == 0 ? HostileQuote : $"The counter closed at noon on day {i}, and the wait was long.") : null;
                var rating = new ServiceRating
                {
                    Id = Ids.New(), ServiceId = service.Id, OrganisationId = organisation.Id, Score = i % 5 + 1, Comment = comment,
                    CommentStatus = comment is null ? null : CommentStatus.Published, Language = "en",
                    CreatedAt = daysAgo == 0 ? now : now.AddDays(-daysAgo),
                };
                ratings.Add(rating);
                if (comment is not null)
                    commented.Add(rating.Id);
            }
        Assert.Equal(23, await app.Storage.Ratings.AddManyAsync(ratings));

        // The quotes are shown only once the tagger has read the comments, as in production.
        var keys = commented.Select(id => $"{TextKind.RatingComment}:{id}").ToList();
        await Eventually.UntilAsync(async () => (await app.Get<IThemeStore>().GetTextsAsync(organisation.Id, keys)).Count == keys.Count,
            "the tagger has read the rating comments");
        var scope = TallyScopes.Service(service.Id);
        await app.Get<IThemeStore>().SaveAsync(new ThemeSnapshot
        {
            OrganisationId = organisation.Id, RefreshedAt = now, Watermark = long.MaxValue, TextsRead = 14,
            Themes =
            [
                new ThemeSummary("th_counter", "en", [HostileTerm, "<b>counter</b>", "noon"], 9, [new ThemeQuote(TextKind.RatingComment, commented[0], HostileQuote)])
                {
                    CountsByScope = new Dictionary<string, int> { [scope] = 6 },
                },
                new ThemeSummary("th_parking", "en", ["parking", "lot"], 5, [new ThemeQuote(TextKind.RatingComment, commented[1], "Parking quote that must stay hidden.")])
                {
                    CountsByScope = new Dictionary<string, int> { [scope] = 2 },
                },
            ],
            ThemeOfText = new Dictionary<string, string>(),
        });
        await app.Get<IDriftAlertStore>().TryAddAsync(new DriftAlert
        {
            Id = Ids.New(), OrganisationId = organisation.Id, Subject = DriftSubject.Service, SubjectId = service.Id, Metric = DriftMetric.Volume,
            Day = Today, Observed = 3.4, Baseline = 1.1, Z = 3.2, RecentCount = 16, RaisedAt = now,
        }, []);
        return (organisation, service, commented);
    }

    private static string Dashboard(string organisationId, string language = "en", string query = "") =>
        $"/{language}/staff/insights?organisationId={organisationId}{query}";

    /// <summary>An HTTP client signed in as a new staff member with <paramref name="role"/> in the organisation, redirects not followed.</summary>
    private async Task<HttpClient> SignedInClientAsync(string organisationId, Role role)
    {
        var (member, password) = await host.App.CreateStaffAsync(organisationId, role);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = host.Platform };
        var signIn = await client.PostAsync("/en/staff/sign-in", new FormUrlEncodedContent([new("email", member.Email), new("password", password)]));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        return client;
    }

    private static List<string[]> ParseCsv(string text)
    {
        // Enough of RFC 4180 for our own files: quoted cells with doubled quotes and embedded commas or line breaks.
        var rows = new List<string[]>();
        var (row, cell, quoted) = (new List<string>(), new StringBuilder(), false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString()); cell.Clear(); rows.Add([.. row]); row.Clear(); i++;
            }
            else cell.Append(c);
        }
        return rows;
    }

    [BrowserFact]
    public async Task An_analyst_reads_a_services_dashboard_changes_the_filters_and_downloads_a_csv_with_small_groups_withheld()
    {
        var (organisation, _, _) = await ServiceWithFeedbackAsync();
        await using var context = await host.Chromium.NewContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, organisation.Id, Role.Analyst);

        await page.GotoAsync(new Uri(host.Platform, Dashboard(organisation.Id)).ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Passport office" })).ToBeVisibleAsync();
        var figures = page.Locator("dl.eng-figures");
        await Expect(figures.Locator("div", new() { HasText = "Ratings" }).Locator("dd")).ToHaveTextAsync("23");
        var satisfaction = page.GetByRole(AriaRole.Table, new() { Name = "Satisfaction over time" });
        await Expect(satisfaction.GetByRole(AriaRole.Row, new() { Name = PeriodName(Today.AddDays(-2)) }).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("fewer than 5");
        await Expect(page.Locator(".eng-chart canvas[role=img]")).ToHaveCountAsync(3);

        await page.GetByLabel("From").FillAsync(Iso(Today.AddDays(-6)));
        await page.GetByLabel("To").FillAsync(Iso(Today));
        await page.GetByLabel("Week").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(figures.Locator("div", new() { HasText = "Ratings" }).Locator("dd")).ToHaveTextAsync("16");
        await Expect(satisfaction.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await page.GetByLabel("Day").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("From")).ToHaveValueAsync(Iso(Today.AddDays(-6)));
        await Expect(page.Locator("blockquote")).ToHaveTextAsync(HostileQuote);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV (spreadsheet)" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));

        Assert.Matches(@"^insights-service-[A-Za-z0-9_-]+-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        Assert.Equal(["section", "start", "end", "item", "measure", "language", "value", "note"], rows[0]);
        string[] Row(string section, DateOnly start, string measure) => rows.Single(r => r[0] == section && r[1] == Iso(start) && r[4] == measure);
        Assert.Equal("16", Row("headline", Today.AddDays(-6), "ratings")[6]);
        Assert.Equal(("6", ""), (Row("period", Today.AddDays(-5), "ratings")[6], Row("period", Today.AddDays(-5), "ratings")[7]));
        Assert.Equal("8", Row("period", Today, "ratings")[6]);
        // Two ratings two days ago: withheld, and so is what is worked out from them.
        Assert.Equal(("", "withheld: fewer than 5"), (Row("period", Today.AddDays(-2), "ratings")[6], Row("period", Today.AddDays(-2), "ratings")[7]));
        Assert.Equal("", Row("period", Today.AddDays(-2), "average")[6]);
        // The theme heard twice here is named but not counted; its quote is nowhere. The hostile theme name is defused.
        var themes = rows.Where(r => r[0] == "theme").ToList();
        Assert.Equal(["'" + HostileTerm + " · <b>counter</b> · noon", "parking · lot"], themes.Select(r => r[3]));
        Assert.Equal(["6", ""], themes.Select(r => r[6]));
        Assert.Equal([HostileQuote], rows.Where(r => r[0] == "quote").Select(r => r[6]));
        Assert.DoesNotContain(rows, r => r.Any(c => c.Contains("Parking quote", StringComparison.Ordinal)));
        Assert.All(rows.SelectMany(r => r), c => Assert.False(c.Length > 0 && c[0] is '=' or '+' or '@', c));
    }

    private static string PeriodName(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-CA"));

    [Fact]
    public async Task The_json_export_carries_the_same_filters_with_camel_case_iso_dates_and_null_for_withheld_groups()
    {
        var (organisation, service, _) = await ServiceWithFeedbackAsync();
        using var client = await SignedInClientAsync(organisation.Id, Role.Analyst);

        var response = await client.GetAsync($"/fr/staff/insights/export.json?organisationId={organisation.Id}&subject=service:{service.Id}&from={Iso(Today.AddDays(-6))}&to={Iso(Today)}&granularity=day");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(("service", service.Id, "Bureau des passeports"),
            (json.GetProperty("subject").GetProperty("kind").GetString(), json.GetProperty("subject").GetProperty("id").GetString(), json.GetProperty("subject").GetProperty("name").GetString()));
        Assert.Equal((Iso(Today.AddDays(-6)), Iso(Today), "day"), (json.GetProperty("from").GetString(), json.GetProperty("to").GetString(), json.GetProperty("granularity").GetString()));
        Assert.Equal(5, json.GetProperty("privacyThreshold").GetInt32());
        Assert.Equal(16, json.GetProperty("headline").GetProperty("volume").GetInt32());
        var periods = json.GetProperty("periods").EnumerateArray().ToDictionary(p => p.GetProperty("start").GetString()!);
        Assert.Equal(7, periods.Count);
        Assert.Equal(JsonValueKind.Null, periods[Iso(Today.AddDays(-2))].GetProperty("volume").ValueKind);
        Assert.Equal(JsonValueKind.Null, periods[Iso(Today.AddDays(-2))].GetProperty("average").ValueKind);
        Assert.Equal(6, periods[Iso(Today.AddDays(-5))].GetProperty("volume").GetInt32());
        var themes = json.GetProperty("themes").EnumerateArray().ToList();
        Assert.Equal([6, (int?)null], themes.Select(t => t.GetProperty("count").ValueKind == JsonValueKind.Null ? (int?)null : t.GetProperty("count").GetInt32()));
        Assert.Equal([HostileQuote], json.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("text").GetString()));
        Assert.Equal("en", json.GetProperty("quotes")[0].GetProperty("language").GetString());
        var alert = json.GetProperty("alerts")[0];
        Assert.Equal(("volume", Iso(Today), 3.4), (alert.GetProperty("metric").GetString(), alert.GetProperty("day").GetString(), alert.GetProperty("observed").GetDouble()));
    }

    [Fact]
    public async Task Hostile_theme_and_quote_text_is_shown_as_text()
    {
        var (organisation, _, _) = await ServiceWithFeedbackAsync();
        using var client = await SignedInClientAsync(organisation.Id, Role.Moderator);

        var response = await client.GetAsync(Dashboard(organisation.Id));
        var raw = await response.Content.ReadAsStringAsync();
        var page = WebUtility.HtmlDecode(raw);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", raw);
        Assert.DoesNotContain("<b>counter</b>", raw);
        Assert.Contains($"<blockquote class=\"eng-body\" lang=\"en\">{HostileQuote}</blockquote>", page);
        Assert.Contains($"{HostileTerm} · <b>counter</b> · noon", page);
        Assert.DoesNotContain("Parking quote", page);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("&from=2026-02-30", "from", "Enter the date as YYYY-MM-DD, for example 2026-03-31.")]
    [InlineData("&from=yesterday&to=%3Cscript%3E", "to", "Enter the date as YYYY-MM-DD, for example 2026-03-31.")]
    [InlineData("&from=2026-03-10&to=2026-03-01", "from", "The start date must be on or before the end date.")]
    [InlineData("&from=2024-01-01&to=2025-06-30", "to", "Choose at most 366 days at a time.")]
    [InlineData("&granularity=month", "granularity-day", "Choose day or week.")]
    [InlineData("&subject=service:nope", "subject", "Choose a service, consultation or survey from the list.")]
    [InlineData("&subject=service:a&subject=service:b", "subject", "Choose a service, consultation or survey from the list.")]
    public async Task Bad_filters_come_back_as_a_400_page_saying_what_to_fix(string query, string field, string message)
    {
        var organisation = await host.App.CreateOrganisationAsync();
        await host.App.CreateServiceAsync(organisation.Id);
        using var client = await SignedInClientAsync(organisation.Id, Role.Analyst);

        var response = await client.GetAsync(Dashboard(organisation.Id, query: query));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var export = await client.GetAsync($"/en/staff/insights/export.csv?organisationId={organisation.Id}{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<li><a href=\"#{field}\">{message}</a></li>", page);
        Assert.DoesNotContain("Headline figures", page);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Contains(message, await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Consultations_and_surveys_are_offered_and_shown_with_their_own_volume()
    {
        var organisation = await host.App.CreateOrganisationAsync();
        var consultation = await host.App.CreateOpenConsultationAsync(organisation.Id);
        var survey = await host.App.CreateOpenSurveyAsync(organisation.Id);
        using var client = await SignedInClientAsync(organisation.Id, Role.Analyst);

        var first = WebUtility.HtmlDecode(await client.GetStringAsync(Dashboard(organisation.Id)));
        var ofConsultation = await client.GetAsync(Dashboard(organisation.Id, "fr", $"&subject=consultation:{consultation.Id}&granularity=WEEK"));
        var ofSurvey = WebUtility.HtmlDecode(await client.GetStringAsync(Dashboard(organisation.Id, query: $"&subject=survey:{survey.Id}")));

        Assert.Contains($"<option value=\"consultation:{consultation.Id}\" selected>", first);
        Assert.Contains($"<option value=\"survey:{survey.Id}\">Survey</option>", first);
        Assert.Equal(HttpStatusCode.OK, ofConsultation.StatusCode);
        Assert.Contains("<dt>Commentaires et réponses reçus</dt><dd>moins de 5</dd>", WebUtility.HtmlDecode(await ofConsultation.Content.ReadAsStringAsync()));
        Assert.Contains("<dt>Responses</dt>", ofSurvey);
        Assert.Contains("data-live-kind=\"survey\"", ofSurvey);
    }

    [Fact]
    public async Task Another_organisations_service_is_not_offered_and_is_refused_as_unknown()
    {
        var (_, stranger, _) = await ServiceWithFeedbackAsync();
        var organisation = await host.App.CreateOrganisationAsync();
        await host.App.CreateServiceAsync(organisation.Id);
        using var client = await SignedInClientAsync(organisation.Id, Role.Admin);

        var response = await client.GetAsync(Dashboard(organisation.Id, query: $"&subject=service:{stranger.Id}"));
        var export = await client.GetAsync($"/en/staff/insights/export.json?organisationId={organisation.Id}&subject=service:{stranger.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Passport office", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_citizens_and_other_organisations_staff_are_refused()
    {
        var (organisation, service, _) = await ServiceWithFeedbackAsync();
        var other = await host.App.CreateOrganisationAsync();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Platform };
        using var citizen = await SignedInClientAsync(organisation.Id, Role.Citizen);
        using var stranger = await SignedInClientAsync(other.Id, Role.Analyst);
        var csv = $"/en/staff/insights/export.csv?organisationId={organisation.Id}&subject=service:{service.Id}";

        foreach (var path in new[] { Dashboard(organisation.Id, "fr"), csv })
        {
            var signedOut = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
            Assert.Contains("/staff/sign-in?returnUrl=", signedOut.Headers.Location!.ToString());
            Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(path)).StatusCode);
            var refused = await stranger.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain("Passport office", await refused.Content.ReadAsStringAsync());
        }
    }

    [BrowserFact]
    public async Task The_dashboard_passes_axe_in_both_languages_with_data_and_with_an_empty_subject()
    {
        var (organisation, _, _) = await ServiceWithFeedbackAsync();
        var emptyService = await host.App.CreateServiceAsync(organisation.Id);
        await using var context = await host.Chromium.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, organisation.Id, Role.Admin);

        foreach (var language in new[] { "en", "fr" })
        {
            await Axe.AssertNoViolationsAsync(page, new Uri(host.Platform, Dashboard(organisation.Id, language)).ToString());
            await Expect(page.Locator(".eng-chart canvas[role=img]")).ToHaveCountAsync(3);
            await Axe.AssertNoViolationsAsync(page, new Uri(host.Platform, Dashboard(organisation.Id, language, $"&subject=service:{emptyService.Id}")).ToString());
            await Axe.AssertNoViolationsAsync(page, new Uri(host.Platform, Dashboard(organisation.Id, language, "&from=garbage&granularity=month")).ToString());
        }
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Entrez la date au format AAAA-MM-JJ");
    }
}
