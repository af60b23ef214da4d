using System.Net;
using System.Text.Json;
using Engagement.Api.Storage;
using Engagement.Api.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Api.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_answers_200_once_the_host_runs()
    {
        using var app = new EngagementAppFactory().WithSetting("Seed:DemoData", "false");
        using var response = await app.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Ready_answers_200_and_reports_the_store_healthy()
    {
        using var app = new EngagementAppFactory().WithSetting("Seed:DemoData", "false");
        using var response = await app.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.False(body.RootElement.GetProperty("checks").TryGetProperty("redis", out _), "Without ConnectionStrings:Redis a node works alone and ready does not check Redis.");
    }

    [Fact]
    public async Task Ready_answers_503_while_the_store_does_not_answer()
    {
        using var app = new EngagementAppFactory().WithSetting("Seed:DemoData", "false")
            .WithServices(s => s.AddSingleton<StorageAdapter>(sp => new SilentStorageAdapter(sp.GetRequiredService<Engagement.Api.Settings.EngagementSettings>().SqlitePath)));
        var client = app.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>A working store whose health probe says it does not answer.</summary>
    private sealed class SilentStorageAdapter(SqliteStorageAdapter inner) : StorageAdapter(inner)
    {
        private readonly SqliteStorageAdapter _inner = inner;

        public SilentStorageAdapter(string path)
            : this(new SqliteStorageAdapter(path))
        {
        }

        public override string Name => _inner.Name;

        public override Task InitializeAsync(CancellationToken ct) => _inner.InitializeAsync(ct);

        public override Task<bool> IsHealthyAsync(CancellationToken ct) => Task.FromResult(false);

        public override string Describe() => _inner.Describe();

        public override void Dispose()
        {
            _inner.Dispose();
            base.Dispose();
        }
    }
}
