using System.Net;
using Engagement.Core.Staff;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Engagement.Api.Tests.Hosting;

/// <summary>
/// Every page the host serves (citizen pages in both languages, error pages, the signed-in workspace, the widget's
/// hosted pages, GraphiQL, the email-link pages) carries the browser security headers, and so does what is not a page.
/// </summary>
public sealed class SecurityHeaderTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    [Fact]
    public async Task Every_page_has_a_strict_policy_nosniff_a_referrer_policy_and_HSTS_over_TLS_only()
    {
        var organisation = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(organisation.Id);
        var survey = await _app.CreateOpenSurveyAsync(organisation.Id);
        var service = await _app.CreateServiceAsync(organisation.Id);
        var key = await _app.CreateWidgetKeyAsync(organisation.Id, service.Id, "https://department.example");
        var analyst = await _app.SignedInAsStaffAsync(organisation.Id, Role.Analyst);
        var backlogItem = (await analyst.QueryAsync("mutation($input: CreateBacklogItemInput!) { createBacklogItem(input: $input) { id } }",
            new { input = new { organisationId = organisation.Id, title = "Fix the ramp" } })).AssertOk().At("createBacklogItem.id").GetString()!;
        var failures = new List<string>();

        string[] citizenPages =
        [
            "/", "/consultations/" + consultation.Id, "/surveys/" + survey.Id, "/services/" + service.Id,
            "/no-such-page", "/consultations/missing",
            "/verify-email", "/verify-email?token=not-a-token", "/verify-email/request", "/verify-email/sent",
            "/unsubscribe?token=not-a-token", "/staff/sign-in",
        ];
        string[] widgetPages = [$"/widget/{key.Key}/rate", $"/widget/{key.Key}/rate?lang=fr", $"/widget/{key.Key}/thanks", "/widget/demo"];
        foreach (var tls in new[] { false, true })
        {
            using var visitor = Client(tls);
            foreach (var lang in new[] { "en", "fr" })
                foreach (var path in citizenPages)
                    await VisitAsync(visitor, $"/{lang}{path}", tls, failures);
            foreach (var path in widgetPages)
                await VisitAsync(visitor, path, tls, failures);
            await VisitAsync(visitor, "/graphql", tls, failures, accept: "text/html");
        }

        using var staff = Client(tls: true);
        var (member, password) = await _app.CreateStaffAsync(organisation.Id, Role.Admin);
        using (var signIn = await staff.PostAsync("/en/staff/sign-in", Form(("email", member.Email), ("password", password))))
            Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        string[] staffPages =
        [
            "/staff/consultations", "/staff/consultations/new", "/staff/consultations/" + consultation.Id,
            "/staff/surveys/new", "/staff/surveys/" + survey.Id, "/staff/services", "/staff/services/" + service.Id,
            "/staff/moderation", "/staff/insights", "/staff/backlog", "/staff/backlog/new", "/staff/backlog/" + backlogItem, "/staff/people",
        ];
        foreach (var lang in new[] { "en", "fr" })
            foreach (var path in staffPages)
                await VisitAsync(staff, $"/{lang}{path}", tls: true, failures, expectPage: true);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Pages_shown_again_after_a_form_error_and_the_token_pages_carry_the_same_headers()
    {
        var organisation = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(organisation.Id);
        var survey = await _app.CreateOpenSurveyAsync(organisation.Id);
        var service = await _app.CreateServiceAsync(organisation.Id);
        var key = await _app.CreateWidgetKeyAsync(organisation.Id, service.Id, "https://department.example");
        await _app.CreateApiTokenAsync(organisation.Id, Role.Analyst);
        var tokenId = Assert.Single(await _app.Get<Core.ApiTokens.IApiTokenStore>().ListByOrganisationAsync(organisation.Id)).Id;
        var failures = new List<string>();

        // Each form sent with what it refuses, so the page comes back with its errors (and what was typed).
        using var visitor = Client(tls: true);
        (string Path, (string, string)[] Fields)[] citizenForms =
        [
            ($"/consultations/{consultation.Id}/comments", [("text", "")]),
            ($"/surveys/{survey.Id}", [("q-satisfied", "99")]),
            ("/verify-email/request", [("email", "not an address")]),
            ("/staff/sign-in", [("email", "nobody@example.org"), ("password", "wrong")]),
        ];
        foreach (var lang in new[] { "en", "fr" })
            foreach (var (path, fields) in citizenForms)
                await SendAsync(visitor, Post($"/{lang}{path}", fields), tls: true, failures);
        await SendAsync(visitor, Post($"/widget/{key.Key}/rate", [("comment", "no score")]), tls: true, failures);

        using var staff = Client(tls: true);
        var (member, password) = await _app.CreateStaffAsync(organisation.Id, Role.Admin);
        using (var signIn = await staff.PostAsync("/en/staff/sign-in", Form(("email", member.Email), ("password", password))))
            Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        (string Path, (string, string)[] Fields)[] staffForms =
        [
            ("/staff/consultations/new", [("title", "")]),
            ("/staff/surveys/new", [("title", "")]),
            ("/staff/backlog", [("title", "")]),
            ("/staff/people", [("email", "not an address"), ("role", "Analyst")]),
            ("/staff/services", [("name", "")]),
            // Not an error: the page that shows a new token's secret, once.
            ("/staff/people/tokens", [("name", "Reporting"), ("role", "Analyst")]),
        ];
        foreach (var lang in new[] { "en", "fr" })
        {
            foreach (var (path, fields) in staffForms)
                await SendAsync(staff, Post($"/{lang}{path}", fields), tls: true, failures);
            await VisitAsync(staff, $"/{lang}/staff/people/tokens/{tokenId}/revoke", tls: true, failures, expectPage: true);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/assets/portal.css")]
    [InlineData("/")]
    [InlineData("/widget/no-such-key/config")]
    public async Task What_is_not_a_page_carries_the_same_headers_and_a_policy_that_loads_nothing(string path)
    {
        foreach (var tls in new[] { false, true })
        {
            using var client = Client(tls);
            using var response = await client.GetAsync(path);

            var policy = Directives(Header(response, "Content-Security-Policy")!);
            Assert.Equal("'none'", policy.GetValueOrDefault("default-src"));
            Assert.Equal("'none'", policy.GetValueOrDefault("frame-ancestors"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
            Assert.Equal(tls, Header(response, "Strict-Transport-Security") is not null);
        }
    }

    [Fact]
    public async Task Behind_the_TLS_load_balancer_HSTS_goes_with_requests_for_the_https_public_host_only()
    {
        using var app = SharedHost.NewApp().WithSetting("Site:PublicBaseUrl", "https://engage.example.org");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // The balancer ends TLS and passes the public Host on; a node's own address over plain http is not the public site.
        using var forPublicHost = new HttpRequestMessage(HttpMethod.Get, "/en/");
        forPublicHost.Headers.Host = "engage.example.org";
        using var viaBalancer = await client.SendAsync(forPublicHost);
        using var direct = await client.GetAsync("/en/");

        Assert.Equal("max-age=31536000", Header(viaBalancer, "Strict-Transport-Security"));
        Assert.Null(Header(direct, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_page_keeps_its_own_policy_rather_than_the_default()
    {
        using var client = Client(tls: false);
        using var response = await client.GetAsync("/en/");

        Assert.Equal("'self'", Directives(Header(response, "Content-Security-Policy")!).GetValueOrDefault("style-src"));
    }

    private HttpClient Client(bool tls) => _app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(tls ? "https://localhost" : "http://localhost"), AllowAutoRedirect = false, HandleCookies = true,
    });

    private static async Task VisitAsync(HttpClient client, string path, bool tls, List<string> failures, string accept = "text/html", bool expectPage = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        await SendAsync(client, request, tls, failures, expectPage);
    }

    private static HttpRequestMessage Post(string path, (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, path) { Content = Form(fields) };

    // Any page answer counts, whatever its status (a form with errors comes back as 400), unless a 200 is expected.
    private static async Task SendAsync(HttpClient client, HttpRequestMessage request, bool tls, List<string> failures, bool expectPage = false)
    {
        using (request)
        using (var response = await client.SendAsync(request))
            Check(response, $"{(tls ? "https" : "http")} {request.Method} {request.RequestUri} ({(int)response.StatusCode})", tls, failures, expectPage);
    }

    private static void Check(HttpResponseMessage response, string where, bool tls, List<string> failures, bool expectPage)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html" || (expectPage && response.StatusCode != HttpStatusCode.OK))
        {
            failures.Add($"{where}: not the page ({response.Content.Headers.ContentType})");
            return;
        }
        if (Header(response, "Content-Security-Policy") is not { } csp)
            failures.Add($"{where}: no Content-Security-Policy");
        else
        {
            var policy = Directives(csp);
            // A directive that is absent falls back to default-src; either way no inline script or style may run.
            foreach (var directive in new[] { "script-src", "style-src" })
            {
                var effective = policy.GetValueOrDefault(directive) ?? policy.GetValueOrDefault("default-src");
                if (effective is null || effective.Contains("'unsafe-inline'", StringComparison.Ordinal) || effective.Contains('*'))
                    failures.Add($"{where}: {directive} is '{effective}'");
            }
            // No page is meant to be framed: the widget's hosted pages are opened as links (widget.js), never in a frame.
            if (policy.GetValueOrDefault("frame-ancestors") != "'none'")
                failures.Add($"{where}: frame-ancestors is '{policy.GetValueOrDefault("frame-ancestors")}'");
        }
        if (Header(response, "X-Content-Type-Options") != "nosniff")
            failures.Add($"{where}: X-Content-Type-Options is '{Header(response, "X-Content-Type-Options")}'");
        if (Header(response, "Referrer-Policy") is not ("same-origin" or "no-referrer" or "strict-origin-when-cross-origin"))
            failures.Add($"{where}: Referrer-Policy is '{Header(response, "Referrer-Policy")}'");
        var hsts = Header(response, "Strict-Transport-Security");
        if (tls != (hsts is not null && hsts.Contains("max-age=", StringComparison.Ordinal) && !hsts.Contains("max-age=0", StringComparison.Ordinal)))
            failures.Add($"{where}: Strict-Transport-Security is '{hsts}'");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0].ToLowerInvariant(), d => d.Length > 1 ? d[1] : "");

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
