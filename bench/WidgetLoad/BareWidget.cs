using Engagement.LoadKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Engagement.WidgetLoad;

/// <summary>The bare endpoint's answer: the platform's 201 shape with nothing behind it.</summary>
public sealed record BareAck(string Id, object? Summary);

/// <summary>
/// The reference: the same route as the widget endpoint that reads the same form body and does nothing else, answering
/// 201 with a small JSON. No key, origin or rate-limit check, no store, no logging. Run as a child process of this tool.
/// </summary>
public static class BareWidget
{
    public const string Name = "bare widget";

    private static readonly BareAck Ack = new("bare", null);

    public static async Task<int> ServeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/widget/{key}/ratings", async (HttpRequest request, CancellationToken ct) =>
        {
            _ = await request.ReadFormAsync(ct);
            return Results.Json(Ack, statusCode: StatusCodes.Status201Created);
        });
        return await ChildServer.ServeAsync(app, Name);
    }
}
