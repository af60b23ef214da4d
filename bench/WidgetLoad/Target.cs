using System.Text;
using Engagement.LoadKit;

namespace Engagement.WidgetLoad;

/// <summary>The servers the scenarios post to: the platform host (real) and this tool's bare endpoint.</summary>
public static class Target
{
    /// <summary>The widget's form body, as the widget sends it: a score, an empty comment, the page, the language and the empty honeypot.</summary>
    public const string Body = "score=4&comment=&page=http%3A%2F%2F127.0.0.1%3A1%2Fpage&lang=en&website=";

    /// <summary>An origin the demonstration key allows (<c>http://127.0.0.1:*</c>).</summary>
    public const string Origin = "http://127.0.0.1:1";

    /// <summary>
    /// The platform's Release build with demonstration data (it holds the key <c>wk_demo0000000000000000000</c>) and the
    /// given widget rate limits (ratings per client address and per key, per minute).
    /// </summary>
    public static Task<ServerProcess> StartRealAsync(int perClientPerMinute, int perKeyPerMinute) =>
        ServerProcess.StartPlatformAsync("widgetload",
        [
            "--Seed:DemoData=true",
            $"--Widget:RatingsPerClientPerMinute={perClientPerMinute}",
            $"--Widget:RatingsPerKeyPerMinute={perKeyPerMinute}",
        ]);

    public static Task<ServerProcess> StartBareAsync() => ServerProcess.StartSelfAsync(BareWidget.Name, ["--serve-bare"]);

    /// <summary>The whole request, prepared once: <c>POST /widget/{key}/ratings</c> with the form body and an allowed Origin.</summary>
    public static byte[] RatingRequest(ServerProcess server, string key) => Encoding.ASCII.GetBytes(
        $"POST /widget/{key}/ratings HTTP/1.1\r\n" +
        $"Host: {server.Address.Authority}\r\n" +
        $"Origin: {Origin}\r\n" +
        "Content-Type: application/x-www-form-urlencoded\r\n" +
        $"Content-Length: {Body.Length}\r\n" +
        "\r\n" +
        Body);

    /// <summary>One request on a fresh connection; throws with the answer when it is not 201, so a run never measures errors.</summary>
    public static async Task ProbeAsync(string name, ServerProcess server, byte[] request, System.Net.IPAddress? local, CancellationToken ct)
    {
        using var connection = await RawHttpConnection.OpenAsync(ClosedLoop.Endpoint(server), local, ct);
        connection.KeepAllBodies = true;
        await connection.SendAsync(request, ct);
        var answer = await connection.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), ct);
        Console.WriteLine($"  [{name}] probe: {answer.Status} {answer.Body}");
        if (answer.Status != 201)
        {
            throw new InvalidOperationException(
                $"[{name}] POST {server.Address}widget/…/ratings answered {answer.Status} {answer.Body}, not 201; the server's last lines:{Environment.NewLine}{string.Join(Environment.NewLine, server.RecentOutput)}");
        }
    }
}
