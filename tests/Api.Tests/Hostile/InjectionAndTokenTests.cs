using System.Net;
using System.Text;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Comments;
using Engagement.Core.Consultations;
using Engagement.Core.Staff;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Engagement.Api.Tests.Hostile;

/// <summary>
/// Store operators and SQL where ids, slugs and text go, and forged or tampered credentials and links: each is a plain
/// string to the store (found nowhere, or kept exactly as typed) or a clear 4xx, and nothing is written.
/// </summary>
public sealed class InjectionAndTokenTests(SharedHost host) : IClassFixture<SharedHost>
{
    private static readonly string[] OperatorStrings =
    [
        "{\"$where\": \"sleep(1000) || true\"}", "{\"$ne\": null}", "{\"$gt\": \"\"}", "$where", "$ne", "' OR '1'='1", "1; DROP TABLE comments; --",
        "\" OR 1=1 --", "%", "_", "*", "../..", "\\", "%00", "{{7*7}}",
    ];

    private readonly EngagementAppFactory _app = host.App;

    private HttpClient Http() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task Operator_and_sql_strings_as_ids_and_slugs_find_nothing_and_write_nothing()
    {
        // Something to find: an operator that matched anything at all would match these.
        await HostileWorld.CreateAsync(_app);
        var token = await _app.RegisterParticipantAsync();
        var client = _app.Anonymous();
        var http = Http();
        var before = await Hostile.RowCountsAsync(_app);
        var failures = new List<string>();

        foreach (var hostile in OperatorStrings)
        {
            var lookups = await client.QueryAsync("query($id: ID!, $slug: String!) { consultation(id: $id) { id } organisation(slug: $slug) { id } service(id: $id) { id } }",
                new { id = hostile, slug = hostile });
            if (lookups.Status != HttpStatusCode.OK || lookups.Data.GetProperty("consultation").ValueKind != JsonValueKind.Null
                || lookups.Data.GetProperty("organisation").ValueKind != JsonValueKind.Null || lookups.Data.GetProperty("service").ValueKind != JsonValueKind.Null)
                failures.Add($"lookup by '{hostile}': {lookups}");
            var post = await client.QueryAsync("mutation($i: PostCommentInput!) { postComment(input: $i) { id } }",
                new { i = new { consultationId = hostile, participantToken = token, text = "hello", language = "en" } });
            if (!post.HasErrors || post.Data.GetProperty("postComment").ValueKind != JsonValueKind.Null)
                failures.Add($"comment on '{hostile}': {post}");
            Hostile.AssertNoLeak(post.Body, hostile);
            foreach (var path in new[] { $"/en/consultations/{Uri.EscapeDataString(hostile)}", $"/widget/{Uri.EscapeDataString(hostile)}/config", $"/en/services/{Uri.EscapeDataString(hostile)}" })
            {
                using var page = await http.GetAsync(path);
                if ((int)page.StatusCode is < 400 or >= 500)
                    failures.Add($"GET {path}: {(int)page.StatusCode}");
                Hostile.AssertNoLeak(await page.Content.ReadAsStringAsync(), path);
            }
            using var form = await http.PostAsync($"/en/consultations/{Uri.EscapeDataString(hostile)}/comments", new FormUrlEncodedContent([new("text", "hello")]));
            if ((int)form.StatusCode is < 400 or >= 500)
                failures.Add($"form comment on '{hostile}': {(int)form.StatusCode}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await Hostile.AssertNothingWrittenAsync(_app, before, "operator strings as ids");
    }

    [Fact]
    public async Task Operator_objects_where_a_string_goes_are_refused_with_400_and_write_nothing()
    {
        var world = await HostileWorld.CreateAsync(_app);
        var token = await _app.RegisterParticipantAsync();
        var before = await Hostile.RowCountsAsync(_app);
        var operators = new[] { "{\"$where\":\"1==1\"}", "{\"$ne\":null}", "{\"$gt\":\"\"}", "[\"$in\", 1]" };

        foreach (var op in operators)
        {
            foreach (var field in new[] { "consultationId", "participantToken", "text" })
            {
                var input = new Dictionary<string, string> { ["consultationId"] = $"\"{world.Consultation.Id}\"", ["participantToken"] = $"\"{token}\"", ["text"] = "\"hi\"", ["language"] = "\"en\"" };
                input[field] = op;
                var body = "{\"query\":\"mutation($i: PostCommentInput!) { postComment(input: $i) { id } }\",\"variables\":{\"i\":{"
                    + string.Join(",", input.Select(f => $"\"{f.Key}\":{f.Value}")) + "}}}";
                var response = await _app.Anonymous().SendRawAsync(body, "application/json");
                Assert.True(response.Status == HttpStatusCode.BadRequest, $"{op} as {field}: {response}");
                Hostile.AssertNoLeak(response.Body, $"{op} as {field}");
            }
            using var signIn = await Http().PostAsync("/auth/sign-in", new StringContent($"{{\"email\":{op},\"password\":{op}}}", Encoding.UTF8, "application/json"));
            await Hostile.AssertRefusedAsync(signIn, $"{op} as sign-in credentials", HttpStatusCode.BadRequest);
        }

        await Hostile.AssertNothingWrittenAsync(_app, before, "operator objects");
    }

    [Fact]
    public async Task Reaction_and_report_forms_with_hostile_values_or_comment_ids_are_a_4xx_and_make_no_participant()
    {
        var world = await HostileWorld.CreateAsync(_app);
        var comment = (await _app.Anonymous().QueryAsync("mutation($i: PostCommentInput!) { postComment(input: $i) { id } }", new { i = new
        {
            consultationId = world.Consultation.Id, participantToken = await _app.RegisterParticipantAsync(), text = "A fine idea.", language = "en",
        } })).AssertOk().At("postComment.id").GetString()!;
        var other = await _app.CreateOpenConsultationAsync(world.Organisation.Id);
        var before = await Hostile.RowCountsAsync(_app);
        var path = $"/en/consultations/{world.Consultation.Id}/comments";
        var cases = new List<(string Path, string Field, string Value)>();
        foreach (var value in OperatorStrings.Concat(["", "agree", "Agree\u0000", "1", "Agree,Disagree"]))
        {
            cases.Add(($"{path}/{comment}/reaction", "reaction", value));
            cases.Add(($"{path}/{comment}/report", "reason", value));
        }
        foreach (var id in OperatorStrings)
        {
            cases.Add(($"{path}/{Uri.EscapeDataString(id)}/reaction", "reaction", "Agree"));
            cases.Add(($"{path}/{Uri.EscapeDataString(id)}/report", "reason", "Spam"));
        }
        // A real comment, through another consultation's address.
        cases.Add(($"/en/consultations/{other.Id}/comments/{comment}/reaction", "reaction", "Agree"));
        cases.Add(($"/en/consultations/{other.Id}/comments/{comment}/report", "reason", "Spam"));

        foreach (var (target, field, value) in cases)
        {
            using var response = await Http().PostAsync(target, new FormUrlEncodedContent([new(field, value)]));
            await Hostile.AssertRefusedAsync(response, $"{field}={value} at {target}");
        }

        await Hostile.AssertNothingWrittenAsync(_app, before, "hostile reactions and reports");
    }

    [Fact]
    public async Task Operator_strings_as_text_are_kept_exactly_as_typed()
    {
        var world = await HostileWorld.CreateAsync(_app);
        var token = await _app.RegisterParticipantAsync();
        var text = string.Join(" ", OperatorStrings);

        var posted = (await _app.Anonymous().QueryAsync("mutation($i: PostCommentInput!) { postComment(input: $i) { id } }",
            new { i = new { consultationId = world.Consultation.Id, participantToken = token, text, language = "en" } })).AssertOk().At("postComment.id").GetString()!;

        Assert.Equal(text, (await _app.Get<ICommentStore>().GetAsync(posted))!.Text);
        Assert.Single((await _app.Get<ICommentStore>().ListTopLevelAsync(world.Consultation.Id, null, Core.Common.PageRequest.First(10))).Items);
    }

    [Fact]
    public async Task Forged_and_tampered_credentials_and_links_get_a_clear_4xx_and_write_nothing()
    {
        var world = await HostileWorld.CreateAsync(_app);
        var draft = await _app.CreateDraftConsultationAsync(world.Organisation.Id);
        var realToken = await _app.CreateApiTokenAsync(world.Organisation.Id, Role.Admin);
        var participant = await _app.RegisterParticipantAsync();
        var cookie = (await _app.StaffCookieAsync(world.Admin.Email, world.Password))["engagement.staff=".Length..];
        var before = await Hostile.RowCountsAsync(_app);
        var failures = new List<string>();
        const string Open = "mutation($id: ID!) { openConsultation(consultationId: $id) { status } }";

        // Bearer tokens: forged, one character changed, cut short, padded, not a token at all.
        foreach (var bearer in new[] { "forged", Flip(realToken), realToken[..^2], realToken + "x", new string('a', 5000), "{\"$ne\":null}", realToken + "\u0000" })
        {
            var response = await _app.Anonymous().QueryAsync(Open, new { id = draft.Id },
                configure: r => r.Headers.TryAddWithoutValidation("Authorization", $"Bearer {bearer}"));
            if (!RefusedGraphQL(response))
                failures.Add($"bearer {Hostile.Cut(bearer)}: {response}");
        }

        // The staff cookie, tampered: the workspace does not open and a mutation is refused.
        foreach (var tampered in new[] { Flip(cookie), cookie[..^4], cookie + "AAAA", "", new string('A', 4000) })
        {
            var http = Http();
            using var page = new HttpRequestMessage(HttpMethod.Get, "/en/staff/consultations");
            page.Headers.Add("Cookie", $"engagement.staff={tampered}");
            using var pageResponse = await http.SendAsync(page);
            if (pageResponse.StatusCode == HttpStatusCode.OK || (int)pageResponse.StatusCode >= 500)
                failures.Add($"workspace with a tampered cookie: {(int)pageResponse.StatusCode}");
            var mutation = await new GraphQLClient(http).QueryAsync(Open, new { id = draft.Id }, configure: r => r.Headers.Add("Cookie", $"engagement.staff={tampered}"));
            if (!RefusedGraphQL(mutation))
                failures.Add($"mutation with a tampered cookie: {mutation}");
        }

        // Participant tokens: forged, changed, or another kind of secret.
        foreach (var forged in new[] { "forged", Flip(participant), participant[..^1], realToken, "", new string('p', 10_000) })
        {
            var response = await _app.Anonymous().QueryAsync("mutation($i: PostCommentInput!) { postComment(input: $i) { id } }",
                new { i = new { consultationId = world.Consultation.Id, participantToken = forged, text = "hello", language = "en" } });
            if (!RefusedGraphQL(response))
                failures.Add($"participant token {Hostile.Cut(forged)}: {response}");
        }

        // Email links and widget keys that were never issued.
        var links = new[] { "forged", new string('A', 43), "", "{\"$ne\":null}", new string('A', 5000), "%00", "..%2F..%2Fetc" };
        foreach (var link in links.Select(Uri.EscapeDataString))
        {
            foreach (var (method, path) in new[]
            {
                (HttpMethod.Get, $"/en/verify-email?token={link}"), (HttpMethod.Post, $"/en/verify-email?token={link}"),
                (HttpMethod.Get, $"/en/unsubscribe?token={link}"), (HttpMethod.Post, $"/en/unsubscribe?token={link}"),
                (HttpMethod.Get, $"/widget/wk_{link}/config"), (HttpMethod.Post, $"/widget/wk_{link}/ratings"), (HttpMethod.Get, $"/widget/wk_{link}/rate"),
            })
            {
                using var request = new HttpRequestMessage(method, path);
                if (method == HttpMethod.Post)
                    request.Content = new FormUrlEncodedContent([new("token", link), new("score", "5")]);
                request.Headers.Add("Origin", path.StartsWith("/widget", StringComparison.Ordinal) ? HostileWorld.WidgetOrigin : "http://localhost");
                using var response = await Http().SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode is < 400 or >= 500)
                    failures.Add($"{method} {Hostile.Cut(path)}: {(int)response.StatusCode}");
                Hostile.AssertNoLeak(body, path);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await Hostile.AssertNothingWrittenAsync(_app, before, "forged credentials");
        Assert.Equal(ConsultationStatus.Draft, (await _app.Get<IConsultationStore>().GetAsync(draft.Id))!.Status);
    }

    // A refusal by GraphQL: a 4xx, or a 200 whose only errors say who may do it and whose data is empty.
    private static bool RefusedGraphQL(GraphQLResponse response)
    {
        Hostile.AssertNoLeak(response.Body, "GraphQL");
        if ((int)response.Status is >= 400 and < 500)
            return true;
        return response.Status == HttpStatusCode.OK && response.HasErrors
            && response.ErrorCodes.All(c => c is "UNAUTHENTICATED" or "FORBIDDEN" or "VALIDATION" or "NOT_FOUND")
            && response.Data.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.Null);
    }

    // The same secret with one character in its middle changed.
    private static string Flip(string secret)
    {
        var chars = secret.ToCharArray();
        var i = chars.Length / 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
