using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Engagement.Bench.GraphQL;

/// <summary>
/// Abusive documents must be refused before any resolver runs, at no more than twice the cost of the cheapest
/// valid query, <c>{ __typename }</c>. Each case is one POST through the full pipeline.
/// </summary>
[Config(typeof(InProcessShortRun))]
public class AbuseRejectionBenchmarks
{
    private BenchHost _host = null!;
    private readonly Dictionary<string, byte[]> _bodies = [];

    [GlobalSetup]
    public void Setup()
    {
        _host = new BenchHost();
        static byte[] Body(string query) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query }));
        _bodies["typename"] = Body("{ __typename }");
        _bodies["depth"] = Body("{ consultation(id: \"x\") { comments { nodes { " + string.Concat(Enumerable.Repeat("replies { ", 20)) + "id" + new string('}', 20) + " } } } }");
        // Within the depth and field limits, but twenty aliased pages of 100 comments with their replies add up.
        _bodies["complexity"] = Body("{ organisations { consultations { " + string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"c{i}: comments(first: 100) {{ nodes {{ id text agreeCount replies {{ id text agreeCount }} }} }} ")) + "} } }");
        // As many aliases as fit in the 64 KB body limit (10,000 do not fit at all: 413 from the Content-Length alone).
        _bodies["aliases"] = Body("{ " + string.Concat(Enumerable.Range(0, 4_000).Select(i => $"a{i}: __typename ")) + "}");
        _bodies["aliases-10000"] = Body("{ " + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"a{i}: __typename ")) + "}");
        var fragments = new StringBuilder("fragment F0 on Query { organisations { id } }\n");
        for (var i = 1; i <= 6; i++)
            fragments.Append($"fragment F{i} on Query {{ {string.Concat(Enumerable.Range(0, 10).Select(j => $"a{j}: organisations {{ id }} ...F{i - 1} "))} }}\n");
        _bodies["fragments"] = Body("{ ...F6 }\n" + fragments);
        _bodies["batch"] = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("""{"query":"{ __typename }"}""", 11)) + "]");
        _bodies["deep-document"] = Body("{ organisations " + string.Concat(Enumerable.Repeat("{ services ", 499)) + "{ id" + new string('}', 501));
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Params("typename", "depth", "complexity", "aliases", "aliases-10000", "fragments", "batch", "deep-document")]
    public string Case { get; set; } = "typename";

    [Benchmark]
    public async Task<int> Post()
    {
        using var content = new ByteArrayContent(_bodies[Case]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _host.Client.PostAsync("/graphql", content);
        return (int)response.StatusCode;
    }
}
