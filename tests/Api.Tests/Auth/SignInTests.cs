using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Consultations;
using Engagement.Core.Staff;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Engagement.Api.Tests.Auth;

/// <summary>Staff sign-in with a local password, the cookie it sets, and the cross-site rules that guard it.</summary>
public sealed class SignInTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    [Fact]
    public async Task Signing_in_sets_an_http_only_strict_cookie_and_me_returns_the_member()
    {
        var org = await _app.CreateOrganisationAsync();
        var (member, password) = await _app.CreateStaffAsync(org.Id, Role.Analyst);
        var http = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        using var response = await http.PostAsJsonAsync("/auth/sign-in", new { email = member.Email, password });
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        var signedIn = await _app.SignedInAsync(member.Email, password);
        var me = await signedIn.QueryAsync("{ me { email grants { organisationId role } } }");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(member.Email, me.AssertOk().At("me.email").GetString());
        Assert.Equal("ANALYST", me.At("me.grants").EnumerateArray().Single().GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        var org = await _app.CreateOrganisationAsync();
        var (member, _) = await _app.CreateStaffAsync(org.Id, Role.Admin);
        var http = _app.CreateClient();

        using var wrong = await http.PostAsJsonAsync("/auth/sign-in", new { email = member.Email, password = "not the password at all" });
        using var unknown = await http.PostAsJsonAsync("/auth/sign-in", new { email = "nobody@example.org", password = "not the password at all" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(Detail(await wrong.Content.ReadAsStringAsync()), Detail(await unknown.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Five_failures_pause_password_sign_in_even_with_the_right_password()
    {
        var org = await _app.CreateOrganisationAsync();
        var (member, password) = await _app.CreateStaffAsync(org.Id, Role.Admin);
        var http = _app.CreateClient();
        for (var i = 0; i < SignInWithPassword.MaxFailedSignIns; i++)
            (await http.PostAsJsonAsync("/auth/sign-in", new { email = member.Email, password = $"wrong password {i}" })).Dispose();

        using var right = await http.PostAsJsonAsync("/auth/sign-in", new { email = member.Email, password });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(SignInWithPassword.MaxFailedSignIns, (await _app.Get<IStaffStore>().GetAsync(member.Id))!.FailedSignIns);
    }

    [Theory]
    [InlineData("text/plain", "{}", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "{ not json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"email\":\"a@b.c\"}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[1,2,3]", HttpStatusCode.BadRequest)]
    public async Task Sign_in_refuses_malformed_requests_with_a_clear_status(string contentType, string body, HttpStatusCode expected)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, contentType);

        using var response = await _app.CreateClient().PostAsync("/auth/sign-in", content);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_refuses_an_oversize_body_with_413()
    {
        using var response = await _app.CreateClient().PostAsJsonAsync("/auth/sign-in", new { email = "a@b.c", password = new string('p', 10_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_from_another_site_is_refused_with_403()
    {
        var org = await _app.CreateOrganisationAsync();
        var (member, password) = await _app.CreateStaffAsync(org.Id, Role.Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-in") { Content = JsonContent.Create(new { email = member.Email, password }) };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_cookie_authenticated_mutation_from_another_site_is_refused_and_writes_nothing(string header, string value)
    {
        var org = await _app.CreateOrganisationAsync();
        var admin = await _app.SignedInAsStaffAsync(org.Id, Role.Admin);
        var consultation = await DraftAsync(org.Id);

        var response = await admin.QueryAsync("mutation($id: ID!) { openConsultation(consultationId: $id) { status } }", new { id = consultation.Id },
            configure: r => r.Headers.Add(header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Equal(ConsultationStatus.Draft, (await _app.Get<IConsultationStore>().GetAsync(consultation.Id))!.Status);
    }

    [Fact]
    public async Task A_cookie_authenticated_mutation_from_the_platform_itself_is_accepted()
    {
        var org = await _app.CreateOrganisationAsync();
        var admin = await _app.SignedInAsStaffAsync(org.Id, Role.Admin);
        var consultation = await DraftAsync(org.Id);

        var response = await admin.QueryAsync("mutation($id: ID!) { openConsultation(consultationId: $id) { status } }", new { id = consultation.Id },
            configure: r => { r.Headers.Add("Origin", "http://localhost"); r.Headers.Add("Sec-Fetch-Site", "same-origin"); });

        Assert.Equal("OPEN", response.AssertOk().At("openConsultation.status").GetString());
    }

    [Fact]
    public async Task A_bearer_token_request_from_another_origin_is_accepted_because_no_cookie_is_involved()
    {
        var org = await _app.CreateOrganisationAsync();
        var token = await _app.CreateApiTokenAsync(org.Id, Role.Admin);
        var consultation = await DraftAsync(org.Id);

        var response = await _app.WithToken(token).QueryAsync("mutation($id: ID!) { openConsultation(consultationId: $id) { status } }", new { id = consultation.Id },
            configure: r => r.Headers.Add("Origin", "https://integrator.example"));

        Assert.Equal("OPEN", response.AssertOk().At("openConsultation.status").GetString());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var org = await _app.CreateOrganisationAsync();
        var admin = await _app.SignedInAsStaffAsync(org.Id, Role.Admin);

        using var signOut = await admin.Http.PostAsync("/auth/sign-out", null);
        var me = await admin.QueryAsync("{ me { id } }");

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(JsonValueKind.Null, me.AssertOk().At("me").ValueKind);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_whatever_X_Forwarded_For_claims()
    {
        using var app = new EngagementAppFactory().WithSetting("Seed:DemoData", "false").WithSetting("RateLimits:SignInPerMinute", "3");
        var http = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-in") { Content = JsonContent.Create(new { email = "x@example.org", password = "whatever password" }) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task GraphQL_requests_beyond_the_limit_get_429_with_RATE_LIMITED()
    {
        using var app = new EngagementAppFactory().WithSetting("Seed:DemoData", "false").WithSetting("RateLimits:GraphQLPerMinute", "2");
        var client = app.Anonymous();

        await client.QueryAsync("{ __typename }");
        await client.QueryAsync("{ __typename }");
        var third = await client.QueryAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal(["RATE_LIMITED"], third.ErrorCodes);
    }

    private async Task<Consultation> DraftAsync(string organisationId) =>
        (await _app.Get<CreateConsultation>().ExecuteAsync(new(organisationId, $"d-{Guid.NewGuid():N}"[..20],
            Core.Common.LocalizedText.EnFr("T", "T"), Core.Common.LocalizedText.EnFr("S", "S"), Core.Common.LocalizedText.EnFr("B", "B")), Core.Common.Actor.System)).Value;

    private static string? Detail(string problemJson) => JsonDocument.Parse(problemJson).RootElement.GetProperty("detail").GetString();
}
