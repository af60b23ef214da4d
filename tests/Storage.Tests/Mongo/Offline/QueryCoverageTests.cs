using System.Reflection;
using Engagement.Storage.Mongo;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>
/// Every query builder of the adapter (the static methods of each repository's nested Queries class) has its rendered
/// form checked in: a new filter, update or pipeline cannot be added without its expected JSON.
/// </summary>
public sealed class QueryCoverageTests
{
    public static TheoryData<string, string> Builders()
    {
        var data = new TheoryData<string, string>();
        var queries = typeof(MongoStorage).Assembly.GetTypes().Where(t => t is { Name: "Queries", DeclaringType: not null, IsAbstract: true, IsSealed: true });
        foreach (var type in queries)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                         .Where(m => !m.IsSpecialName && !m.Name.Contains('<', StringComparison.Ordinal) && !m.IsPrivate))
                data.Add(type.DeclaringType!.Name, method.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Builders))]
    public void Each_query_builder_has_expected_json_checked_in(string repository, string builder)
    {
        var directory = Path.Combine(Approved.ExpectedDirectory(), repository);
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json").Select(Path.GetFileNameWithoutExtension) : [];
        Assert.Contains(files, f => f == builder || f!.StartsWith(builder + ".", StringComparison.Ordinal));
    }

    [Fact]
    public void The_adapter_has_query_builders_to_check()
    {
        Assert.True(Builders().Count() > 10);
    }
}
