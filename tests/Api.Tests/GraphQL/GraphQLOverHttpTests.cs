using System.Net;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Ratings;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>The endpoint follows the GraphQL-over-HTTP specification: media types, methods and status codes.</summary>
public sealed class GraphQLOverHttpTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    [Fact]
    public async Task Post_answers_200_with_the_graphql_response_media_type_by_default()
    {
        var response = await _app.Anonymous().QueryAsync("{ __typename }");

        response.AssertOk();
        Assert.Equal("application/graphql-response+json", response.MediaType);
        Assert.Equal("Query", response.At("__typename").GetString());
    }

    [Fact]
    public async Task Post_answers_application_json_when_the_client_accepts_only_that()
    {
        var response = await _app.Anonymous().QueryAsync("{ __typename }", configure: r => r.Headers.Accept.ParseAdd("application/json"));

        response.AssertOk();
        Assert.Equal("application/json", response.MediaType);
    }

    [Fact]
    public async Task Post_answers_406_when_the_client_accepts_neither_response_type()
    {
        var response = await _app.Anonymous().QueryAsync("{ __typename }", configure: r => r.Headers.Accept.ParseAdd("text/plain"));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=latin1")]
    public async Task Post_answers_415_for_any_body_that_is_not_utf8_json(string contentType)
    {
        var response = await _app.Anonymous().SendRawAsync("""{"query":"{ __typename }"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal(["VALIDATION"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    [InlineData("\"just a string\"")]
    [InlineData("{}")]
    [InlineData("""{"query": 42}""")]
    [InlineData("""{"query": "   "}""")]
    [InlineData("""{"query": "{ __typename }", "variables": [1]}""")]
    [InlineData("""{"query": "{ __typename }", "operationName": 7}""")]
    [InlineData("""{"query": "{ __typename }", "extensions": "not a map"}""")]
    [InlineData("""{"query": "{ __typename }", "extensions": [1]}""")]
    [InlineData("[]")]
    public async Task Post_answers_400_for_an_unparseable_body_or_a_missing_query(string body)
    {
        var response = await _app.Anonymous().SendRawAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["VALIDATION"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("{ __typename ")]
    [InlineData("{ noSuchField }")]
    [InlineData("query A { __typename } query A { __typename }")]
    public async Task A_document_that_does_not_parse_or_validate_gets_400_and_200_with_legacy_json(string query)
    {
        var modern = await _app.Anonymous().QueryAsync(query);
        var legacy = await _app.Anonymous().QueryAsync(query, configure: r => r.Headers.Accept.ParseAdd("application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, modern.Status);
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.All(modern.ErrorCodes, code => Assert.Equal("VALIDATION", code));
        Assert.False(modern.Root.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task OperationName_picks_the_operation_and_an_unknown_one_is_a_400()
    {
        const string document = "query First { __typename } query Second { organisations { id } }";

        var second = await _app.Anonymous().QueryAsync(document, operationName: "Second");
        var unknown = await _app.Anonymous().QueryAsync(document, operationName: "Third");

        second.AssertOk();
        Assert.Equal(System.Text.Json.JsonValueKind.Array, second.At("organisations").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
    }

    [Fact]
    public async Task Variables_are_used_and_a_variable_of_the_wrong_type_is_a_400()
    {
        var org = await _app.CreateOrganisationAsync();

        var ok = await _app.Anonymous().QueryAsync("query($id: ID!) { organisation(id: $id) { slug } }", new { id = org.Id });
        var wrong = await _app.Anonymous().QueryAsync("query($n: Int!) { consultation(id: \"x\") { comments(first: $n) { nodes { id } } } }", new { n = "many" });

        Assert.Equal(org.Slug, ok.AssertOk().At("organisation.slug").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(["VALIDATION"], wrong.ErrorCodes);
    }

    [Fact]
    public async Task Get_runs_a_query_with_variables_and_operation_name()
    {
        var org = await _app.CreateOrganisationAsync();
        var url = "/graphql?query=" + Uri.EscapeDataString("query Q($slug: String) { organisation(slug: $slug) { id } }")
            + "&variables=" + Uri.EscapeDataString($$"""{"slug":"{{org.Slug}}"}""") + "&operationName=Q";

        var response = await new GraphQLClient(_app.CreateClient()).SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

        Assert.Equal(org.Id, response.AssertOk().At("organisation.id").GetString());
    }

    [Fact]
    public async Task Get_refuses_a_mutation_with_405_and_writes_nothing()
    {
        var org = await _app.CreateOrganisationAsync();
        var service = await _app.CreateServiceAsync(org.Id);
        var mutation = $$"""mutation { submitRating(input: {serviceId: "{{service.Id}}", score: 5, language: "en"}) { id } }""";

        using var response = await _app.CreateClient().GetAsync("/graphql?query=" + Uri.EscapeDataString(mutation));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Equal(0, (await _app.Get<GetRatingSummary>().ExecuteAsync(service.Id)).Value.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?query=")]
    [InlineData("?query=%7B__typename%7D&variables=%5B1%5D")]
    [InlineData("?query=%7B__typename%7D&variables=not-json")]
    public async Task Get_answers_400_for_a_missing_query_or_malformed_variables(string queryString)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql" + queryString);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        var response = await new GraphQLClient(_app.CreateClient()).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task A_field_error_still_answers_200_with_data_and_the_error_code()
    {
        var response = await _app.Anonymous().QueryAsync("""mutation { submitRating(input: {serviceId: "missing", score: 4, language: "en"}) { id } }""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["NOT_FOUND"], response.ErrorCodes);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.At("submitRating").ValueKind);
    }

    [Fact]
    public async Task A_batch_runs_every_operation_and_answers_an_array()
    {
        var response = await _app.Anonymous().SendRawAsync("""[{"query":"{ __typename }"},{"query":"{ organisations { id } }"}]""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, response.Root.GetArrayLength());
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_before_anything_runs()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("""{"query":"mutation { registerParticipant { participantToken } }"}""", 11)) + "]";

        var response = await _app.Anonymous().SendRawAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("at most 10", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browsers_get_the_graphiql_page_under_a_strict_content_security_policy_and_its_assets_locally()
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");

        using var page = await client.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        using var script = await client.GetAsync("/assets/lib/graphiql/graphiql.min.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Introspection_is_refused_when_turned_off_by_configuration()
    {
        using var app = new EngagementAppFactory().WithSetting("Seed:DemoData", "false").WithSetting("GraphQL:EnableIntrospection", "false");

        var introspection = await app.Anonymous().QueryAsync("{ __schema { types { name } } }");
        var ordinary = await app.Anonymous().QueryAsync("{ organisations { id } }");

        Assert.Equal(HttpStatusCode.BadRequest, introspection.Status);
        ordinary.AssertOk();
    }

    [Fact]
    public async Task Introspection_is_served_by_default()
    {
        var response = await _app.Anonymous().QueryAsync("{ __schema { queryType { name } } }");

        Assert.Equal("Query", response.AssertOk().At("__schema.queryType.name").GetString());
    }

    [Fact]
    public async Task An_unknown_or_revoked_bearer_token_is_a_401_not_a_silent_anonymous_request()
    {
        var response = await _app.WithToken("eng_" + new string('a', 43)).QueryAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

}
