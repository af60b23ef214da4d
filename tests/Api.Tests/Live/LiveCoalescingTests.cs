using System.Diagnostics;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Live;
using Engagement.Core.Ratings;
using Xunit.Abstractions;

namespace Engagement.Api.Tests.Live;

/// <summary>A burst of writes becomes a few pushes per group, and the last push holds every committed write.</summary>
public sealed class LiveCoalescingTests(ITestOutputHelper output) : IDisposable
{
    private const int MaxUpdatesPerSecond = 4;

    private readonly EngagementAppFactory _app = new EngagementAppFactory()
        .WithSetting("Seed:DemoData", "false")
        .WithSetting("Live:MaxUpdatesPerSecond", MaxUpdatesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_thousand_ratings_yield_a_bounded_number_of_pushes_and_the_last_equals_the_stored_tally()
    {
        const int ratings = 1_000;
        var org = await _app.CreateOrganisationAsync();
        var service = await _app.CreateServiceAsync(org.Id);
        var topic = LiveTopic.Service(service.Id).Name;
        await using var viewer = await LiveClient.ConnectAsync(_app);
        await viewer.JoinAsync<RatingSummary>("JoinService", service.Id);
        var submit = _app.Get<SubmitRating>();

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, ratings), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            Assert.True((await submit.ExecuteAsync(new(service.Id, i % 5 + 1, "en"), ct)).Succeeded));
        var writing = clock.Elapsed;
        var last = await viewer.WaitForAsync(topic, s => s.GetProperty("count").GetInt64() == ratings, TimeSpan.FromSeconds(30));
        var lastArrived = clock.Elapsed;
        // Anything still queued would arrive within one interval; wait two to be sure none does.
        await Task.Delay(TimeSpan.FromSeconds(2.0 / MaxUpdatesPerSecond));
        var pushes = viewer.Received(topic);

        // Pushes to a group are at least 1/N s apart and none precedes the first write, so within the window from
        // the first write to the arrival of the last push there can be at most floor(window × N) + 1 of them.
        var bound = (int)Math.Floor(lastArrived.TotalSeconds * MaxUpdatesPerSecond) + 1;
        output.WriteLine($"{ratings} ratings written in {writing.TotalMilliseconds:0} ms; {pushes.Count} pushes (bound {bound}); last arrived at {lastArrived.TotalMilliseconds:0} ms");
        Assert.InRange(pushes.Count, 1, bound);
        Assert.True(pushes.Count < ratings / 10, $"{pushes.Count} pushes for {ratings} ratings written in {writing.TotalSeconds:0.00} s");
        Assert.Equal(last.GetRawText(), pushes[^1].GetRawText());
        var stored = (await _app.Get<GetRatingSummary>().ExecuteAsync(service.Id)).Value;
        Assert.Equal(stored.Distribution, pushes[^1].GetProperty("distribution").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(stored.Average, pushes[^1].GetProperty("average").GetDouble());
        Assert.Equal([200L, 200, 200, 200, 200], stored.Distribution);
    }

    [Fact]
    public async Task Groups_are_paced_independently_so_a_busy_service_does_not_delay_a_quiet_one()
    {
        var org = await _app.CreateOrganisationAsync();
        var busy = await _app.CreateServiceAsync(org.Id);
        var quiet = await _app.CreateServiceAsync(org.Id);
        await using var viewer = await LiveClient.ConnectAsync(_app);
        await viewer.JoinAsync<RatingSummary>("JoinService", busy.Id);
        await viewer.JoinAsync<RatingSummary>("JoinService", quiet.Id);
        var submit = _app.Get<SubmitRating>();
        for (var i = 0; i < 50; i++)
            await submit.ExecuteAsync(new(busy.Id, 5, "en"));

        await submit.ExecuteAsync(new(quiet.Id, 1, "en"));
        var quietPush = await viewer.WaitForAsync(LiveTopic.Service(quiet.Id).Name, s => s.GetProperty("count").GetInt64() == 1, TimeSpan.FromSeconds(5));
        var busyPush = await viewer.WaitForAsync(LiveTopic.Service(busy.Id).Name, s => s.GetProperty("count").GetInt64() == 50, TimeSpan.FromSeconds(5));

        Assert.Equal(1.0, quietPush.GetProperty("average").GetDouble());
        Assert.Equal(5.0, busyPush.GetProperty("average").GetDouble());
    }

    public void Dispose() => _app.Dispose();
}
