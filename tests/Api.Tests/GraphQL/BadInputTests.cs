using System.Net;
using System.Text;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Comments;
using Engagement.Core.Ratings;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>Hostile requests get the specification's status and a clear error, never a 500, and write nothing.</summary>
public sealed class BadInputTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    [Fact]
    public async Task A_10_MB_body_is_refused_with_413_and_nothing_is_written()
    {
        var service = await _app.CreateServiceAsync((await _app.CreateOrganisationAsync()).Id);
        var comment = new string('x', 10 * 1024 * 1024);
        var body = $$"""{"query":"mutation { submitRating(input: {serviceId: \"{{service.Id}}\", score: 5, language: \"en\", comment: \"{{comment}}\"}) { id } }"}""";

        var response = await _app.Anonymous().SendRawAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Equal(0, (await _app.Get<GetRatingSummary>().ExecuteAsync(service.Id)).Value.Count);
    }

    [Fact]
    public async Task A_document_500_levels_deep_is_refused_with_400()
    {
        var query = "{ organisations " + string.Concat(Enumerable.Repeat("{ services ", 499)) + "{ id" + new string('}', 501);

        var response = await _app.Anonymous().QueryAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["VALIDATION"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_query_deeper_than_the_depth_limit_is_refused_before_it_runs()
    {
        var query = "{ organisations { services { ratingSummary { count } } consultations { surveys { questions { options { label { translations { language } } } } } } } }";

        var response = await _app.Anonymous().QueryAsync(query.Replace("label { translations { language } }", "label { translations { language text } }", StringComparison.Ordinal));
        using var shallow = new EngagementAppFactory().WithSetting("Seed:DemoData", "false").WithSetting("GraphQL:MaxDepth", "4");
        var refused = await shallow.Anonymous().QueryAsync(query);

        response.AssertOk();
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("depth", refused.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_query_with_10000_aliases_is_refused_with_400_and_nothing_runs()
    {
        var service = await _app.CreateServiceAsync((await _app.CreateOrganisationAsync()).Id);
        var mutation = "mutation { " + string.Concat(Enumerable.Range(0, 10_000).Select(i =>
            $$"""a{{i}}: submitRating(input: {serviceId: "{{service.Id}}", score: 5, language: "en"}) { id } """)) + "}";
        var query = "{ " + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"a{i}: __typename ")) + "}";

        var wideMutation = await _app.Anonymous().QueryAsync(mutation);
        var wideQuery = await _app.Anonymous().QueryAsync(query);

        // Ten thousand aliases do not fit in the body limit; either refusal comes before anything runs.
        Assert.True(wideQuery.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, wideQuery.ToString());
        Assert.Equal(["VALIDATION"], wideQuery.ErrorCodes);
        Assert.True(wideMutation.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, wideMutation.ToString());
        Assert.Equal(0, (await _app.Get<GetRatingSummary>().ExecuteAsync(service.Id)).Value.Count);
    }

    [Fact]
    public async Task A_fragment_bomb_is_refused_by_the_complexity_limit()
    {
        // Each fragment spreads the previous one ten times: 10^6 fields from a few hundred bytes.
        var fragments = new StringBuilder("fragment F0 on Query { __typename organisations { id } }\n");
        for (var i = 1; i <= 6; i++)
            fragments.Append($"fragment F{i} on Query {{ {string.Concat(Enumerable.Range(0, 10).Select(j => $"a{j}: organisations {{ id }} ...F{i - 1} "))} }}\n");
        var query = "{ ...F6 }\n" + fragments;

        var response = await _app.Anonymous().QueryAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.All(response.ErrorCodes, code => Assert.Equal("VALIDATION", code));
    }

    [Fact]
    public async Task A_page_larger_than_the_maximum_page_size_is_refused_with_the_field_named()
    {
        var consultation = await _app.CreateOpenConsultationAsync((await _app.CreateOrganisationAsync()).Id);

        var response = await _app.Anonymous().QueryAsync("query($id: ID!) { consultation(id: $id) { comments(first: 1000) { nodes { id } } } }", new { id = consultation.Id });

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Contains("\"field\":\"first\"", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_and_script_in_a_comment_are_stored_as_text_and_returned_json_encoded()
    {
        var consultation = await _app.CreateOpenConsultationAsync((await _app.CreateOrganisationAsync()).Id);
        var token = await _app.RegisterParticipantAsync();
        const string hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> \"quoted\" & {{braces}}";

        var posted = await _app.Anonymous().QueryAsync("mutation($input: PostCommentInput!) { postComment(input: $input) { text } }",
            new { input = new { consultationId = consultation.Id, participantToken = token, text = hostile, language = "en" } });

        Assert.Equal(hostile, posted.AssertOk().At("postComment.text").GetString());
        Assert.DoesNotContain("<script>", posted.Body, StringComparison.Ordinal);
        Assert.Equal("application/graphql-response+json", posted.MediaType);
    }

    [Theory]
    [InlineData("text with a NUL \u0000 byte")]
    [InlineData("a bell \u0007 and an escape \u001b")]
    public async Task Text_with_control_characters_is_refused_with_a_validation_error(string text)
    {
        var consultation = await _app.CreateOpenConsultationAsync((await _app.CreateOrganisationAsync()).Id);
        var token = await _app.RegisterParticipantAsync();

        var response = await _app.Anonymous().QueryAsync("mutation($input: PostCommentInput!) { postComment(input: $input) { id } }",
            new { input = new { consultationId = consultation.Id, participantToken = token, text, language = "en" } });

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Empty((await _app.Get<ICommentStore>().ListTopLevelAsync(consultation.Id, null, Core.Common.PageRequest.First(10))).Items);
    }

    [Fact]
    public async Task A_lone_escaped_surrogate_in_a_variable_is_refused_with_400_and_nothing_is_written()
    {
        var consultation = await _app.CreateOpenConsultationAsync((await _app.CreateOrganisationAsync()).Id);
        var token = await _app.RegisterParticipantAsync();
        var body = "{\"query\":\"mutation($input: PostCommentInput!) { postComment(input: $input) { id } }\",\"variables\":{\"input\":"
            + "{\"consultationId\":\"" + consultation.Id + "\",\"participantToken\":\"" + token + "\",\"language\":\"en\",\"text\":\"broken \\ud800 text\"}}}";

        var response = await _app.Anonymous().SendRawAsync(body, "application/json");

        Assert.True(response.Status == HttpStatusCode.BadRequest || response.ErrorCodes.SequenceEqual(["VALIDATION"]), response.ToString());
        Assert.Empty((await _app.Get<ICommentStore>().ListTopLevelAsync(consultation.Id, null, Core.Common.PageRequest.First(10))).Items);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_refused_with_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent([0x7B, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await new GraphQLClient(_app.CreateClient()).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Variables_nested_deeper_than_json_allows_are_refused_with_400()
    {
        var deep = new string('[', 200) + new string(']', 200);
        var body = "{\"query\":\"query($x: String) { __typename }\",\"variables\":{\"x\":" + deep + "}}";

        var response = await _app.Anonymous().SendRawAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task A_forged_participant_token_is_refused_and_nothing_is_written()
    {
        var service = await _app.CreateServiceAsync((await _app.CreateOrganisationAsync()).Id);

        var response = await _app.Anonymous().QueryAsync("""mutation($id: ID!) { submitRating(input: {serviceId: $id, score: 4, language: "en", participantToken: "forged"}) { id } }""",
            new { id = service.Id });

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Equal(0, (await _app.Get<GetRatingSummary>().ExecuteAsync(service.Id)).Value.Count);
    }
}
