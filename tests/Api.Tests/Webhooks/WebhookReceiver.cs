using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engagement.Api.Tests.Webhooks;

/// <summary>One request a receiver got: its path, headers and body, and when it arrived.</summary>
public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);

/// <summary>
/// A real HTTP server on a free loopback port (Kestrel), standing in for a team's tracker: it records every request and
/// answers each path with its scripted answers in turn (200 once a path's script runs out), so tests can make it fail,
/// stall or redirect.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _scripts = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The receiver's address, http://127.0.0.1:{port}.</summary>
    public string BaseUrl { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.Run(receiver.HandleAsync);
        await receiver._app.StartAsync();
        receiver.BaseUrl = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return receiver;
    }

    /// <summary>A fresh path on this receiver, so tests sharing it never see each other's requests.</summary>
    public string NewUrl() => $"{BaseUrl}/hooks/{Guid.NewGuid():N}";

    /// <summary>What the receiver answers the next requests to <paramref name="url"/>, in turn.</summary>
    public void Script(string url, params Func<HttpContext, Task>[] answers) => _scripts[new Uri(url).AbsolutePath] = new(answers);

    public static Func<HttpContext, Task> Status(int status, string? body = null) => async context =>
    {
        context.Response.StatusCode = status;
        if (body is not null)
            await context.Response.WriteAsync(body);
    };

    /// <summary>Answers nothing until the caller gives up.</summary>
    public static Func<HttpContext, Task> Stall() => async context =>
        await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);

    public static Func<HttpContext, Task> Redirect(string location) => context =>
    {
        context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    /// <summary>The requests made to <paramref name="url"/>, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> To(string url) => [.. _received.Where(r => r.Path == new Uri(url).AbsolutePath)];

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedRequest(context.Request.Path, headers, body, DateTimeOffset.UtcNow));
        var answer = _scripts.TryGetValue(context.Request.Path, out var script) && script.TryDequeue(out var next) ? next : Status(200);
        await answer(context);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
