using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Engagement.Api.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Engagement.Api.Tests.Hostile;

/// <summary>
/// Every public endpoint that takes a body, sent bodies that are too big, lie about their size, are not UTF-8 (or
/// are UTF-8 only in disguise), are cut short, carry a byte-order mark or a NUL, or say they are something else: each
/// is a 4xx that leaks nothing and writes nothing, and the same endpoint still takes the honest body afterwards. A
/// hosted form refusing a body over its limit says so on its page, in its language, with the 413.
/// </summary>
public sealed class MalformedBodyTests(SharedHost host) : IClassFixture<SharedHost>
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    // The hostile text goes where {T} is: the field a person writes in. The honest body has "honest text" there.
    private sealed record Surface(string Name, string Path, string MediaType, string Template, int Limit, string? Origin = null, string Honest = "honest text")
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<Surface> Surfaces(HostileWorld w) =>
    [
        new("GraphQL", "/graphql", Json, "{\"query\":\"mutation($i: PostCommentInput!) { postComment(input: $i) { id } }\",\"variables\":{\"i\":"
            + $"{{\"consultationId\":\"{w.Consultation.Id}\",\"participantToken\":\"{{P}}\",\"language\":\"en\",\"text\":\"{{T}}\"}}}}}}", 64 * 1024),
        // The right password: an honest body signs in, which writes nothing; a hostile one must be refused before that.
        new("JSON sign-in", "/auth/sign-in", Json, $"{{\"email\":\"{{T}}{w.Admin.Email}\",\"password\":\"{w.Password}\"}}", 4 * 1024, Honest: ""),
        new("sign-in form", "/en/staff/sign-in", Form, $"email={{T}}{Uri.EscapeDataString(w.Admin.Email)}&password={Uri.EscapeDataString(w.Password)}", 8 * 1024, Honest: ""),
        new("widget ratings", $"/widget/{w.Widget.Key}/ratings", Form, "score=5&comment={T}", 16 * 1024, HostileWorld.WidgetOrigin, Honest: "honest%20text"),
        new("widget rate page", $"/widget/{w.Widget.Key}/rate", Form, "score=5&comment={T}", 16 * 1024, Honest: "honest%20text"),
        new("portal comment", $"/en/consultations/{w.Consultation.Id}/comments", Form, "text={T}", 64 * 1024, Honest: "honest%20text"),
        new("portal survey", $"/en/surveys/{w.Survey.Id}", Form, "q-satisfied=1&q-why={T}", 64 * 1024, Honest: "honest%20text"),
        new("sign-in link request", "/en/verify-email/request", Form, "email={T}citizen@example.org", 4 * 1024, Honest: ""),
    ];

    private sealed record Malformation(string Name, Func<Surface, (byte[] Body, string ContentType, long? DeclaredLength)> Make, bool MaySucceed = false)
    {
        public override string ToString() => Name;
    }

    private static byte[] Fill(Surface s, string token, byte[] hostile)
    {
        var parts = s.Template.Replace("{P}", token, StringComparison.Ordinal).Split("{T}");
        return [.. Encoding.UTF8.GetBytes(parts[0]), .. hostile, .. Encoding.UTF8.GetBytes(parts[1])];
    }

    private static IEnumerable<Malformation> Malformations(string token) =>
    [
        new("a body above the limit", s => (Fill(s, token, Encoding.ASCII.GetBytes(new string('x', s.Limit + 1024))), s.MediaType, null)),
        new("a megabyte body", s => (Fill(s, token, Encoding.ASCII.GetBytes(new string('x', 1024 * 1024))), s.MediaType, null)),
        new("a small body claiming ten gigabytes", s => (Fill(s, token, "x"u8.ToArray()), s.MediaType, 10L * 1024 * 1024 * 1024)),
        // Raw bytes in the body, not percent-escapes: an escape that does not decode stays in the text as the literal "%C3(".
        new("invalid UTF-8", s => (Fill(s, token, [0x61, 0xC3, 0x28, 0xFF]), s.MediaType, null)),
        new("overlong UTF-8 for '<'", s => (Fill(s, token, [0xC0, 0xBC, 0x61]), s.MediaType, null)),
        new("a lone surrogate", s => (Fill(s, token, s.MediaType == Json ? "a\\ud800b"u8.ToArray() : [0x61, 0xED, 0xA0, 0x80, 0x62]), s.MediaType, null)),
        new("a NUL byte in the text", s => (Fill(s, token, s.MediaType == Json ? "a\\u0000b"u8.ToArray() : "a%00b"u8.ToArray()), s.MediaType, null)),
        new("text/plain", s => (Fill(s, token, Encoding.UTF8.GetBytes(s.Honest)), "text/plain", null)),
        new("the other body type", s => (Fill(s, token, Encoding.UTF8.GetBytes(s.Honest)), s.MediaType == Json ? Form : Json, null)),
        new("a charset that is not UTF-8", s => (Fill(s, token, Encoding.UTF8.GetBytes(s.Honest)), s.MediaType + "; charset=utf-16", null)),
        // JSON cut short is not JSON; a form cut short is still a form, so it is cut inside a character instead.
        new("a body cut short", s => { var b = Fill(s, token, Encoding.UTF8.GetBytes(s.Honest)); return (s.MediaType == Json ? b[..(b.Length / 2)] : [.. b, 0xE2, 0x82], s.MediaType, null); }),
        new("an empty body", s => ([], s.MediaType, null)),
        // A BOM is not an attack, only noise: whether it is skipped or refused, the answer is never a 5xx.
        new("a byte-order mark", s => ([0xEF, 0xBB, 0xBF, .. Fill(s, token, Encoding.UTF8.GetBytes(s.Honest))], s.MediaType, null), MaySucceed: true),
    ];

    private readonly EngagementAppFactory _app = host.App;

    [Fact]
    public async Task Every_malformed_body_at_every_endpoint_is_a_4xx_that_leaks_and_writes_nothing()
    {
        var world = await HostileWorld.CreateAsync(_app);
        var token = await _app.RegisterParticipantAsync();
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var failures = new List<string>();

        foreach (var surface in Surfaces(world))
        {
            foreach (var malformation in Malformations(token))
            {
                var because = $"{surface} with {malformation}";
                var before = await Hostile.RowCountsAsync(_app);
                var (body, contentType, declared) = malformation.Make(surface);
                using var response = await SendAsync(client, surface, body, contentType, declared);
                var text = await response.Content.ReadAsStringAsync();
                try
                {
                    Hostile.AssertNoLeak(text, because);
                    if (malformation.MaySucceed)
                        Assert.True((int)response.StatusCode < 500, $"{because}: {(int)response.StatusCode}");
                    else
                    {
                        Assert.True(Refused(surface, response.StatusCode, text), $"{because}: expected a refusal, got {(int)response.StatusCode}: {Hostile.Cut(text)}");
                        await Hostile.AssertNothingWrittenAsync(_app, before, because);
                    }
                }
                catch (Xunit.Sdk.XunitException e)
                {
                    failures.Add(e.Message);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_honest_body_of_every_surface_is_taken_so_the_refusals_are_the_malformations()
    {
        var world = await HostileWorld.CreateAsync(_app);
        var token = await _app.RegisterParticipantAsync();
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        foreach (var surface in Surfaces(world))
        {
            var body = Fill(surface, token, Encoding.UTF8.GetBytes(surface.Honest));
            using var response = await SendAsync(client, surface, body, surface.MediaType, null);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 200 and < 400 && !text.Contains("\"errors\"", StringComparison.Ordinal),
                $"{surface}: {(int)response.StatusCode} {Hostile.Cut(text)} ← {Encoding.UTF8.GetString(body)}");
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_at_every_hosted_form_is_413_with_the_page_saying_the_form_could_not_be_read_in_its_language()
    {
        var world = await HostileWorld.CreateAsync(_app);
        var staffCookie = await _app.StaffCookieAsync(world.Admin.Email, world.Password);
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        // Over every hosted form's limit (the largest, a consultation's, is 640 KB): each refuses it by its length, unread.
        var body = Encoding.ASCII.GetBytes("text=" + new string('x', 1024 * 1024));
        var (consultation, survey, service) = (world.Consultation.Id, world.Survey.Id, world.Service.Id);
        (string Form, string Path, bool Staff, string Says)[] forms =
        [
            ("portal comment", $"/en/consultations/{consultation}/comments", false, "This form could not be accepted."),
            ("comment report", $"/fr/consultations/{consultation}/comments/any/report", false, "Ce formulaire n’a pas pu être accepté."),
            ("portal survey", $"/fr/surveys/{survey}", false, "Ce formulaire n’a pas pu être accepté."),
            ("unsubscribe button", "/en/unsubscribe", false, "The form could not be read."),
            ("staff sign-in", "/fr/staff/sign-in", false, "Le formulaire n’a pas pu être lu."),
            ("bulk moderation", "/en/staff/moderation/bulk", true, "The form could not be read."),
            ("new backlog item", "/fr/staff/backlog", true, "Le formulaire n’a pas pu être lu."),
            ("new consultation", "/en/staff/consultations/new", true, "The form could not be read."),
            ("new survey", "/fr/staff/surveys/new", true, "Le formulaire n’a pas pu être lu."),
            ("new service", "/en/staff/services", true, "The form could not be read."),
            ("new widget key", $"/fr/staff/services/{service}/keys", true, "Le formulaire n’a pas pu être lu."),
            ("new staff member", "/en/staff/people", true, "The form could not be read."),
            ("new API token", "/fr/staff/people/tokens", true, "Le formulaire n’a pas pu être lu."),
        ];
        var failures = new List<string>();

        foreach (var (form, path, staff, says) in forms)
        {
            var before = await Hostile.RowCountsAsync(_app);
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(Form);
            if (staff)
                request.Headers.Add("Cookie", staffCookie);
            using var response = await client.SendAsync(request);
            var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            try
            {
                Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{form}: expected 413, got {(int)response.StatusCode}: {Hostile.Cut(text)}");
                Assert.True(response.Content.Headers.ContentType?.MediaType is "text/html" or "text/plain", $"{form}: answered {response.Content.Headers.ContentType}");
                Assert.True(text.Contains(says, StringComparison.Ordinal), $"{form}: the answer does not say \"{says}\": {Hostile.Cut(text)}");
                // Not a field's or the credentials' error: nothing the person typed was wrong.
                Assert.DoesNotContain("do not match an account", text, StringComparison.Ordinal);
                Hostile.AssertNoLeak(text, form);
                await Hostile.AssertNothingWrittenAsync(_app, before, form);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add(e.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // GraphQL answers a refused input inside a 200 (the GraphQL-over-HTTP rule for application/json); elsewhere a refusal is a 4xx.
    private static bool Refused(Surface surface, HttpStatusCode status, string body) =>
        (int)status is >= 400 and < 500
        || (surface.Path == "/graphql" && status == HttpStatusCode.OK && body.Contains("\"code\":\"VALIDATION\"", StringComparison.Ordinal)
            && body.Contains("\"postComment\":null", StringComparison.Ordinal));

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Surface surface, byte[] body, string contentType, long? declared)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, surface.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (declared is { } length)
            request.Content.Headers.ContentLength = length;
        if (surface.Origin is { } origin)
            request.Headers.Add("Origin", origin);
        return client.SendAsync(request);
    }
}
