using System.Net;
using Engagement.Api.Tests.Hosting;
using Engagement.Api.Tests.Participants;
using Engagement.Core.Staff;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Engagement.Api.Tests.Hostile;

/// <summary>
/// Headers a client can say anything in: a Host that is not the platform's (links still come from Site:PublicBaseUrl
/// or stay relative), an Origin that is not the page's or the widget key's (refused, nothing written), and an
/// X-Forwarded-For that changes on every request (still limited by the connection's own address).
/// </summary>
public sealed class HeaderTrickTests(SharedHost host) : IClassFixture<SharedHost>
{
    private const string Evil = "evil.example";

    private readonly EngagementAppFactory _app = host.App;

    private HttpClient Http() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task A_spoofed_Host_never_appears_in_a_page_or_a_redirect()
    {
        var world = await HostileWorld.CreateAsync(_app);
        string[] paths =
        [
            "/", "/en/", $"/en/consultations/{world.Consultation.Id}", $"/en/surveys/{world.Survey.Id}", $"/en/services/{world.Service.Id}",
            "/en/verify-email/request", "/en/verify-email/sent", "/en/verify-email?token=forged", "/en/unsubscribe?token=forged", "/en/staff/sign-in",
            "/en/staff/consultations", "/en/no-such-page", $"/widget/{world.Widget.Key}/rate", $"/widget/{world.Widget.Key}/thanks",
        ];
        var failures = new List<string>();

        foreach (var path in paths)
        {
            foreach (var header in new[] { "Host", "X-Forwarded-Host", "X-Host", "X-Original-Host" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.TryAddWithoutValidation(header, Evil);
                using var response = await Http().SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{header} on {path}: {(int)response.StatusCode}");
                if (body.Contains(Evil, StringComparison.OrdinalIgnoreCase) || response.Headers.Location?.ToString().Contains(Evil, StringComparison.OrdinalIgnoreCase) == true)
                    failures.Add($"{header} on {path}: the spoofed host is in the answer");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_sign_in_link_asked_for_with_a_spoofed_Host_points_at_the_public_base_url()
    {
        using var app = SharedHost.NewApp().WithSetting("Site:PublicBaseUrl", "https://engage.example.org");
        var address = SignInLinks.NewAddress();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/en/verify-email/request") { Content = new FormUrlEncodedContent([new("email", address)]) };
        request.Headers.TryAddWithoutValidation("Host", Evil);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", Evil);

        using var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(request);
        var email = Assert.Single(await SignInLinks.EmailsToAsync(app, address));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("https://engage.example.org/en/verify-email?token=", email.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(Evil, email.PlainText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Evil, email.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_widget_embed_snippet_asked_for_with_a_spoofed_Host_points_at_the_public_base_url()
    {
        using var app = SharedHost.NewApp().WithSetting("Site:PublicBaseUrl", "https://engage.example.org");
        var org = await app.CreateOrganisationAsync();
        var service = await app.CreateServiceAsync(org.Id);
        var key = await app.CreateWidgetKeyAsync(org.Id, service.Id, HostileWorld.WidgetOrigin);
        var admin = app.WithToken(await app.CreateApiTokenAsync(org.Id, Role.Admin));

        var response = await admin.QueryAsync("query($id: ID!) { service(id: $id) { widgetKeys { embedSnippet } } }", new { id = service.Id },
            configure: r => r.Headers.TryAddWithoutValidation("Host", Evil));
        var snippet = response.AssertOk().At("service.widgetKeys").EnumerateArray().Single().GetProperty("embedSnippet").GetString()!;

        Assert.Contains($"src=\"https://engage.example.org/widget.js\" data-key=\"{key.Key}\"", snippet, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://engage.example.org/widget/{key.Key}/rate\"", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain(Evil, snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_AllowedHosts_set_as_the_deployment_guide_says_a_spoofed_Host_is_refused_before_the_widget_can_name_it()
    {
        using var app = SharedHost.NewApp().WithSetting("AllowedHosts", "engage.example.org;localhost");
        var world = await HostileWorld.CreateAsync(app);
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var config = $"/widget/{world.Widget.Key}/config";

        foreach (var path in new[] { config, "/en/", $"/widget/{world.Widget.Key}/rate", "/graphql?query=%7B__typename%7D" })
        {
            using var forged = new HttpRequestMessage(HttpMethod.Get, path);
            forged.Headers.TryAddWithoutValidation("Host", Evil);
            forged.Headers.TryAddWithoutValidation("Origin", HostileWorld.WidgetOrigin);
            using var refused = await http.SendAsync(forged);
            var body = await Hostile.AssertRefusedAsync(refused, $"Host {Evil} on {path}", HttpStatusCode.BadRequest);
            Assert.DoesNotContain(Evil, body, StringComparison.OrdinalIgnoreCase);
        }

        // The platform's own name still gets the configuration, naming itself.
        using var own = new HttpRequestMessage(HttpMethod.Get, config);
        own.Headers.TryAddWithoutValidation("Host", "engage.example.org");
        own.Headers.TryAddWithoutValidation("Origin", HostileWorld.WidgetOrigin);
        using var served = await http.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains($"//engage.example.org/widget/{world.Widget.Key}/ratings", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphQL_and_the_comment_form_are_limited_per_connection_whatever_X_Forwarded_For_says()
    {
        using var app = SharedHost.NewApp().WithSetting("RateLimits:GraphQLPerMinute", "3");
        var consultation = await app.CreateOpenConsultationAsync((await app.CreateOrganisationAsync()).Id);
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var before = await Hostile.RowCountsAsync(app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            // GraphQL and the page's forms share one allowance per address.
            using var request = i % 2 == 0
                ? new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ __typename }\"}", System.Text.Encoding.UTF8, "application/json") }
                : new HttpRequestMessage(HttpMethod.Post, $"/en/consultations/{consultation.Id}/comments") { Content = new FormUrlEncodedContent([new("text", "")]) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}, 10.0.0.1");
            request.Headers.Add("Forwarded", $"for=203.0.113.{i + 1}");
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (i >= 3)
                await Hostile.AssertRefusedAsync(response, $"request {i}", HttpStatusCode.TooManyRequests);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK], statuses.Take(3));
        await Hostile.AssertNothingWrittenAsync(app, before, "limited requests");
    }

    [Fact]
    public async Task A_form_posted_with_another_sites_Origin_is_refused_with_403_and_writes_nothing()
    {
        var world = await HostileWorld.CreateAsync(_app);
        var staff = await _app.SignedInAsync(world.Admin.Email, world.Password);
        var before = await Hostile.RowCountsAsync(_app);
        (string Header, string Value)[] foreign =
        [
            ("Origin", "https://evil.example"), ("Origin", "null"), ("Origin", "http://localhost.evil.example"), ("Origin", "http://localhost:8080"),
            ("Origin", "https://localhost"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site"),
        ];
        var failures = new List<string>();

        foreach (var (header, value) in foreign)
        {
            foreach (var (client, path, fields) in new (HttpClient, string, KeyValuePair<string, string>[])[]
            {
                (Http(), $"/en/consultations/{world.Consultation.Id}/comments", [new("text", "a comment from elsewhere")]),
                (Http(), $"/en/surveys/{world.Survey.Id}", [new("q-satisfied", "4")]),
                (Http(), "/en/verify-email/request", [new("email", SignInLinks.NewAddress())]),
                (Http(), "/en/staff/sign-in", [new("email", world.Admin.Email), new("password", world.Password)]),
                (staff.Http, "/en/staff/services", [new("slug", "from-elsewhere"), new("name-en", "Elsewhere"), new("name-fr", "Ailleurs")]),
                (staff.Http, "/en/staff/consultations/new", [new("slug", "from-elsewhere"), new("title-en", "Elsewhere"), new("title-fr", "Ailleurs")]),
            })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
                request.Headers.TryAddWithoutValidation(header, value);
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Forbidden)
                    failures.Add($"{header}: {value} on {path}: {(int)response.StatusCode}");
                Hostile.AssertNoLeak(await response.Content.ReadAsStringAsync(), path);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await Hostile.AssertNothingWrittenAsync(_app, before, "cross-site forms");
    }

    [Fact]
    public async Task The_widget_refuses_an_Origin_its_key_does_not_allow_however_close_it_looks()
    {
        var world = await HostileWorld.CreateAsync(_app);
        var before = await Hostile.RowCountsAsync(_app);
        string[] lookalikes =
        [
            "https://www.example.ca.evil.example", "https://evil-www.example.ca", "http://www.example.ca", "https://www.example.ca:8443",
            "https://wwwexample.ca", "https://www.example.cab", "https://sub.www.example.ca", "null", "https://www.example.ca@evil.example",
        ];

        foreach (var origin in lookalikes)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/widget/{world.Widget.Key}/ratings")
            {
                Content = new FormUrlEncodedContent([new("score", "5")]),
            };
            request.Headers.TryAddWithoutValidation("Origin", origin);
            using var response = await Http().SendAsync(request);
            await Hostile.AssertRefusedAsync(response, origin, HttpStatusCode.Forbidden);
            // The refusal may be read by the asking page (the widget shows errors), but never with the browser's credentials.
            Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"), origin);
        }

        await Hostile.AssertNothingWrittenAsync(_app, before, "foreign widget origins");
    }
}
