using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Engagement.Bench.GraphQL;

/// <summary>
/// The consultation page (50 comments, 100 replies) through /graphql against a hand-written JSON endpoint that
/// returns the same data from the same host; the ratio of the means is GraphQL's share of the hand-written throughput.
/// </summary>
[Config(typeof(InProcessShortRun))]
public class ConsultationPageBenchmarks
{
    private BenchHost _host = null!;
    private byte[] _graphqlBody = [];

    [GlobalSetup]
    public void Setup()
    {
        _host = new BenchHost();
        _graphqlBody = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query = BenchHost.ConsultationPageQuery, variables = new { id = _host.ConsultationId } }));
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark(Baseline = true, Description = "hand-written JSON endpoint")]
    public async Task<int> HandWritten()
    {
        using var response = await _host.Client.GetAsync($"/bench/consultation?id={_host.ConsultationId}");
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark(Description = "GraphQL POST /graphql")]
    public async Task<int> GraphQL()
    {
        using var content = new ByteArrayContent(_graphqlBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _host.Client.PostAsync("/graphql", content);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }
}
