using System.Net;
using Engagement.Api.Storage;
using Engagement.Api.Tests.Durability;
using Engagement.Api.Tests.Hosting;
using Engagement.Storage.Mongo;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Api.Tests.Storage;

/// <summary>
/// MongoDB goes away after the host started (start-up itself refuses an unreachable server): every port the Mongo adapter
/// hands out reports it, and callers get <c>UNAVAILABLE</c> / 503 with reason <c>STORE_FAILING</c> instead of an internal error.
/// </summary>
public sealed class MongoUnavailabilityTests
{
    // Nothing listens on port 1: each call gives up after 300 ms, as it would while the replica set is out of reach.
    private const string Unreachable = "mongodb://app:s3cret@127.0.0.1:1/engagement?serverSelectionTimeoutMS=300&connectTimeoutMS=300";

    [Fact]
    public void Every_port_of_the_Mongo_adapter_is_guarded()
    {
        using var adapter = new MongoStorageAdapter(Unreachable);

        var ports = typeof(StorageAdapter).GetProperties().Where(p => p.PropertyType.IsInterface).ToList();

        Assert.Equal(25, ports.Count);
        Assert.All(ports, p => Assert.True(MongoPortGuard.IsGuarded(p.GetValue(adapter)!), $"{p.Name} is not behind the guard."));
    }

    [Fact]
    public async Task GraphQL_answers_UNAVAILABLE_with_STORE_FAILING_while_MongoDB_is_out_of_reach()
    {
        using var app = StartedThenCutOff();

        var answer = await app.Anonymous().QueryAsync("mutation { registerParticipant { participantToken } }");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var error = Assert.Single(answer.Root.GetProperty("errors").EnumerateArray());
        var extensions = error.GetProperty("extensions");
        Assert.Equal(("UNAVAILABLE", "STORE_FAILING"), (extensions.GetProperty("code").GetString(), extensions.GetProperty("reason").GetString()));
        Assert.Contains("may not have been saved", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_widget_answers_503_with_a_minute_s_Retry_After_while_MongoDB_is_out_of_reach()
    {
        using var app = StartedThenCutOff();

        using var response = await DrillSetup.PostWidgetRatingAsync(app.CreateClient(), "wk_" + new string('a', 23), "https://drill.example/mongo-down");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("60", response.Headers.RetryAfter?.ToString());
        Assert.Contains("STORE_FAILING", body, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", body, StringComparison.Ordinal);
    }

    // Start-up checks the server and would refuse to start; skipping only that check is an outage that began afterwards.
    private static EngagementAppFactory StartedThenCutOff() => new EngagementAppFactory()
        .WithSetting("Seed:DemoData", "false")
        .WithServices(s => s.AddSingleton<StorageAdapter>(_ => new CutOffAfterStartUp(new MongoStorageAdapter(Unreachable))));

    /// <summary>The Mongo adapter as it is once start-up is behind it.</summary>
    private sealed class CutOffAfterStartUp(MongoStorageAdapter inner) : StorageAdapter(inner)
    {
        public override string Name => inner.Name;

        public override Task InitializeAsync(CancellationToken ct) => Task.CompletedTask;

        public override Task<bool> IsHealthyAsync(CancellationToken ct) => inner.IsHealthyAsync(ct);

        public override string Describe() => inner.Describe();

        public override void Dispose()
        {
            inner.Dispose();
            base.Dispose();
        }
    }
}
