using System.Net;
using Engagement.Api.Tests.Hosting;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>Abusive documents are refused by the cheap guard with a message that says which limit they broke.</summary>
public sealed class DocumentGuardTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    [Theory]
    [InlineData("depth", "DEEP")]
    [InlineData("fields", "FIELDS")]
    [InlineData("fragments", "FRAGMENTS")]
    [InlineData("nested deeper", "NESTED")]
    [InlineData("too complex", "COMPLEX")]
    public async Task An_abusive_document_is_refused_with_400_naming_the_limit(string limit, string query)
    {
        query = query switch
        {
            "FIELDS" => "{ " + string.Concat(Enumerable.Range(0, 600).Select(i => $"a{i}: __typename ")) + "}",
            "FRAGMENTS" => "{ ...F4 }\nfragment F0 on Query { organisations { id } }\n" + string.Concat(Enumerable.Range(1, 4).Select(i =>
                $"fragment F{i} on Query {{ {string.Concat(Enumerable.Range(0, 10).Select(j => $"a{j}: organisations {{ id }} ...F{i - 1} "))} }}\n")),
            "NESTED" => "{ __typename " + new string('{', 70) + new string('}', 70) + " }",
            "COMPLEX" => "{ organisations { consultations { " + string.Concat(Enumerable.Range(0, 20).Select(i =>
                $"c{i}: comments(first: 100) {{ nodes {{ id text agreeCount replies {{ id text agreeCount }} }} }} ")) + "} } }",
            "DEEP" => "{ consultation(id: \"x\") { comments { nodes { " + string.Concat(Enumerable.Repeat("replies { ", 20)) + "id" + new string('}', 20) + " } } } }",
            _ => query,
        };

        var response = await _app.Anonymous().QueryAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Contains(limit, response.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_complexity_estimate_counts_a_page_size_given_in_a_variable()
    {
        const string query = "query($n: Int) { organisations { consultations { a: comments(first: $n) { nodes { id text replies { id text } } } b: comments(first: $n) { nodes { id } } } } }";

        var small = await _app.Anonymous().QueryAsync(query, new { n = 5 });
        var large = await _app.Anonymous().QueryAsync(query, new { n = 100 });
        using var strict = new EngagementAppFactory().WithSetting("Seed:DemoData", "false").WithSetting("GraphQL:MaxComplexity", "500");
        var refused = await strict.Anonymous().QueryAsync(query, new { n = 100 });

        small.AssertOk();
        large.AssertOk();
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("too complex", refused.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_repeated_document_still_has_its_variables_and_complexity_checked_on_every_request()
    {
        // The second and later requests reuse the validated document; what depends on the variables must not be skipped.
        const string query = "query($n: Int, $id: ID!) { consultation(id: $id) { c1: comments(first: $n) { nodes { id replies { id } } } c2: comments(first: $n) { nodes { id } } } }";
        using var strict = new EngagementAppFactory().WithSetting("Seed:DemoData", "false").WithSetting("GraphQL:MaxComplexity", "300");
        var client = strict.Anonymous();

        var first = await client.QueryAsync(query, new { n = 5, id = "x" });
        var second = await client.QueryAsync(query, new { n = 5, id = "x" });
        var wrongType = await client.QueryAsync(query, new { n = "many", id = "x" });
        var missing = await client.QueryAsync(query, new { n = 5 });
        var tooComplex = await client.QueryAsync(query, new { n = 100, id = "x" });

        first.AssertOk();
        second.AssertOk();
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(HttpStatusCode.BadRequest, tooComplex.Status);
    }

    [Fact]
    public async Task Braces_and_names_inside_strings_and_comments_do_not_count()
    {
        var padding = string.Concat(Enumerable.Repeat("{{ name name name ", 800));
        var query = "# " + padding + "\n{ organisation(slug: \"" + padding.Replace("\"", "", StringComparison.Ordinal) + "\") { id } }";

        var response = await _app.Anonymous().QueryAsync(query);

        response.AssertOk();
    }
}
