using Engagement.Api.GraphQL;
using Engagement.Api.Tests.Hosting;
using GraphQL;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>
/// The public API is the printed schema: any change to it must show up in review as a change to
/// src/Api/GraphQL/schema.graphql. Run with UPDATE_SCHEMA=1 to rewrite the file after an intended change.
/// </summary>
public sealed class SchemaApprovalTests
{
    [Fact]
    public void Printed_schema_matches_the_checked_in_schema_graphql()
    {
        using var app = new EngagementAppFactory().WithSetting("Seed:DemoData", "false");
        var schema = app.Services.GetRequiredService<EngagementSchema>();
        schema.Initialize();
        var printed = schema.Print(new PrintOptions { IncludeDescriptions = true, StringComparison = StringComparison.Ordinal }).ReplaceLineEndings("\n").Trim() + "\n";

        var path = Path.Combine(RepositoryPaths.Root, "src", "Api", "GraphQL", "schema.graphql");
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
            File.WriteAllText(path, printed);

        Assert.True(File.Exists(path), $"{path} is missing; run the tests once with UPDATE_SCHEMA=1 to create it.");
        var approved = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(approved == printed,
            $"The schema changed. If intended, run the tests with UPDATE_SCHEMA=1 and commit schema.graphql. First difference at line {FirstDifference(approved, printed)}.");
    }

    private static int FirstDifference(string a, string b)
    {
        var (left, right) = (a.Split('\n'), b.Split('\n'));
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
                return i + 1;
        }
        return Math.Min(left.Length, right.Length) + 1;
    }

}
