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
    public async Task An_abusive_document_is_refused_with_400_naming_the_limit(string limit, string query)
    {
        query = query switch
        {
            "FIELDS" => "{ " + string.Concat(Enumerable.Range(0, 600).Select(i => $"a{i}: __typename ")) + "}",
            "FRAGMENTS" => "{ ...F4 }\nfragment F0 on Query { organisations { id } }\n" + string.Concat(Enumerable.Range(1, 4).Select(i =>
                $"fragment F{i} on Query {{ {string.Concat(Enumerable.Range(0, 10).Select(j => $"a{j}: organisations {{ id }} ...F{i - 1} "))} }}\n")),
            "NESTED" => "{ __typename " + new string('{', 70) + new string('}', 70) + " }",
            "DEEP" => "{ consultation(id: \"x\") { comments { nodes { " + string.Concat(Enumerable.Repeat("replies { ", 20)) + "id" + new string('}', 20) + " } } } }",
            _ => query,
        };

        var response = await _app.Anonymous().QueryAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Contains(limit, response.Body, StringComparison.OrdinalIgnoreCase);
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
