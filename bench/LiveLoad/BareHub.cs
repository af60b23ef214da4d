using System.Text.Json.Serialization;
using Engagement.LoadKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engagement.LiveLoad;

/// <summary>The same shape as the platform's <c>RatingSummary</c> snapshot, so both hubs send the same bytes per message.</summary>
public sealed record RatingSummaryShape(string ServiceId, long Count, double? Average, double? Csat, IReadOnlyList<long> Distribution);

/// <summary>The reference hub: join a group, get the snapshot; no store, no authorisation, no application logic.</summary>
public sealed class BareHub(BareCounter counter) : Hub
{
    public async Task<RatingSummaryShape> Join(string id)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, BareCounter.Topic, Context.ConnectionAborted);
        return counter.Snapshot();
    }
}

/// <summary>
/// An in-memory vote counter with the platform broadcaster's pacing: a vote marks the topic dirty; one loop sends the
/// latest snapshot to the group at most <c>updatesPerSecond</c> times a second, awaiting the group send as the platform does.
/// </summary>
public sealed class BareCounter(IHubContext<BareHub> hub, int updatesPerSecond) : BackgroundService
{
    public const string Topic = "service:bare";
    private readonly long[] _distribution = new long[5];
    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _count;
    private long _total;
    private int _dirty;
    private int _waiting;

    public long Vote(int score)
    {
        Interlocked.Add(ref _total, score);
        Interlocked.Increment(ref _distribution[score - 1]);
        var count = Interlocked.Increment(ref _count);
        Interlocked.Exchange(ref _dirty, 1);
        if (Interlocked.CompareExchange(ref _waiting, 0, 1) == 1)
            _signal.Release();
        return count;
    }

    public RatingSummaryShape Snapshot()
    {
        var count = Interlocked.Read(ref _count);
        var d = _distribution.Select(v => Interlocked.Read(ref v)).ToArray();
        double? average = count == 0 ? null : (double)Interlocked.Read(ref _total) / count;
        double? csat = count == 0 ? null : (double)(d[3] + d[4]) / count;
        return new RatingSummaryShape("bare", count, average, csat, d);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(1.0 / updatesPerSecond);
        var next = DateTime.UtcNow;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Volatile.Write(ref _waiting, 1);
                if (Volatile.Read(ref _dirty) == 0)
                    await _signal.WaitAsync(interval * 4, stoppingToken);
                Interlocked.Exchange(ref _waiting, 0);
                if (Volatile.Read(ref _dirty) == 0)
                    continue;
                var wait = next - DateTime.UtcNow;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, stoppingToken);
                Interlocked.Exchange(ref _dirty, 0);
                next = DateTime.UtcNow + interval;
                await hub.Clients.Group(Topic).SendAsync("snapshot", Topic, Snapshot(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs the bare hub on 127.0.0.1 (a free port) until its parent closes standard input (<see cref="ChildServer"/>).</summary>
    public static async Task<int> ServeAsync(Options options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(sp => new BareCounter(sp.GetRequiredService<IHubContext<BareHub>>(), options.UpdatesPerSecond));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BareCounter>());
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BareHub>("/hubs/bare");
        app.MapPost("/vote", (BareCounter counter, int score) => Results.Text(counter.Vote(Math.Clamp(score, 1, 5)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return await ChildServer.ServeAsync(app, "bare hub");
    }
}
