using System.Net;
using System.Text;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;

namespace Engagement.Api.Tests.Hostile;

/// <summary>
/// GraphQL documents and variables built to cost the server more than their size (the ones BadInputTests and
/// DocumentGuardTests do not already cover): fragment cycles and self-spreads, directive floods, many operations,
/// introspection nested deep, huge variable objects and batches. Each is a 4xx that names no internals, and runs nothing.
/// </summary>
public sealed class GraphQLDocumentTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    public static TheoryData<string, string> Documents() => new()
    {
        { "a fragment cycle", "{ ...A } fragment A on Query { organisations { id } ...B } fragment B on Query { ...A }" },
        { "a fragment that spreads itself", "{ ...A } fragment A on Query { __typename ...A }" },
        { "a fragment cycle through a field", "{ organisations { ...O } } fragment O on Organisation { services { organisation { ...O } } }" },
        { "a flood of directives on one field", "{ __typename " + string.Concat(Enumerable.Repeat("@skip(if: false) ", 2000)) + "}" },
        { "a flood of @include on many fields", "{ " + string.Concat(Enumerable.Range(0, 400).Select(i => $"a{i}: __typename @include(if: true) @skip(if: false) ")) + "}" },
        { "an unknown directive repeated", "{ __typename " + string.Concat(Enumerable.Repeat("@nope ", 3000)) + "}" },
        { "a thousand operations in one document", string.Concat(Enumerable.Range(0, 1000).Select(i => $"query Q{i} {{ __typename }} ")) },
        { "introspection nested deep", "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 16)) + "{ name }" + new string('}', 16) + " } } } }" },
        { "an alias bomb on introspection", "{ " + string.Concat(Enumerable.Range(0, 300).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name }} }} }} ")) + "}" },
        { "a document that does not end", "{ organisations { id " + new string('{', 5000) },
        { "ten thousand arguments", "{ organisations(" + string.Join(", ", Enumerable.Range(0, 5000).Select(i => $"a{i}: 1")) + ") { id } }" },
        { "a string of a million escapes", "{ organisation(slug: \"" + string.Concat(Enumerable.Repeat("\\u0041", 10_000)) + "\") { id } }" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_costly_document_is_refused_with_a_4xx_that_names_no_internals(string name, string query)
    {
        var response = await _app.Anonymous().QueryAsync(query, operationName: name == "a thousand operations in one document" ? "Q0" : null);

        Assert.True((int)response.Status is >= 400 and < 500, $"{name}: {Hostile.Cut(response.ToString())}");
        Assert.NotEmpty(response.ErrorCodes);
        Hostile.AssertNoLeak(response.Body, name);
    }

    public static TheoryData<string, string> Bodies() => new()
    {
        { "a variable object of ten thousand keys", "{\"query\":\"query($x: String) { __typename }\",\"variables\":{\"x\":{" + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"k{i}\":1")) + "}}}" },
        { "a variable list of fifty thousand items", "{\"query\":\"query($x: [ID!]) { __typename }\",\"variables\":{\"x\":[" + string.Join(",", Enumerable.Repeat("1", 30_000)) + "]}}" },
        { "variables that are not an object", "{\"query\":\"{ __typename }\",\"variables\":[1,2,3]}" },
        { "a query that is not a string", "{\"query\":{\"$ne\":null}}" },
        { "a batch of a thousand", "[" + string.Join(",", Enumerable.Repeat("{\"query\":\"{ __typename }\"}", 1000)) + "]" },
        { "a batch of batches", "[[{\"query\":\"{ __typename }\"}],[{\"query\":\"{ __typename }\"}]]" },
        { "an empty batch", "[]" },
        { "a batch of nulls", "[null,null,null]" },
        { "a duplicated query key", "{\"query\":\"{ __typename }\",\"query\":\"mutation { x }\"}" },
        { "trailing garbage", "{\"query\":\"{ __typename }\"} {\"query\":\"{ __typename }\"}" },
        { "a JSON number", "42" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_costly_or_malformed_request_body_is_refused_with_a_4xx_that_names_no_internals(string name, string body)
    {
        var response = await _app.Anonymous().SendRawAsync(body, "application/json");

        Assert.True((int)response.Status is >= 400 and < 500, $"{name}: {Hostile.Cut(response.ToString())}");
        Hostile.AssertNoLeak(response.Body, name);
    }

    [Fact]
    public async Task A_batch_of_mutations_above_the_batch_limit_writes_nothing()
    {
        var world = await HostileWorld.CreateAsync(_app);
        var before = await Hostile.RowCountsAsync(_app);
        var one = JsonSerializer.Serialize(new
        {
            query = "mutation($i: SubmitRatingInput!) { submitRating(input: $i) { id } }",
            variables = new { i = new { serviceId = world.Service.Id, score = 5, language = "en" } },
        });
        var body = "[" + string.Join(",", Enumerable.Repeat(one, 200)) + "]";

        var response = await _app.Anonymous().SendRawAsync(body, "application/json");

        Assert.True((int)response.Status is >= 400 and < 500, Hostile.Cut(response.ToString()));
        await Hostile.AssertNothingWrittenAsync(_app, before, "a batch flood");
    }

    [Fact]
    public async Task A_body_far_above_the_limit_is_refused_before_it_is_parsed()
    {
        // Valid JSON all the way through, so only the size can refuse it.
        var body = new StringBuilder("{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"");
        body.Append('x', 8 * 1024 * 1024).Append("\"}}");

        var response = await _app.Anonymous().SendRawAsync(body.ToString(), "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Hostile.AssertNoLeak(response.Body, "8 MB");
    }
}
