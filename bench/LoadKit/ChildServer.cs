using Microsoft.AspNetCore.Builder;

namespace Engagement.LoadKit;

/// <summary>The child side of <see cref="ServerProcess.StartSelfAsync"/>: a tool's bare reference server.</summary>
public static class ChildServer
{
    /// <summary>
    /// Starts <paramref name="app"/> (configured for <c>http://127.0.0.1:0</c>), prints "<paramref name="name"/> serving
    /// &lt;address&gt;" for the parent, and stops when the parent closes standard input (or dies), in any case after an hour.
    /// </summary>
    public static async Task<int> ServeAsync(WebApplication app, string name)
    {
        await app.StartAsync();
        Console.WriteLine($"{name} serving {app.Urls.First()}");
        var stdinClosed = Task.Run(() => { while (Console.In.ReadLine() is not null) { } });
        await Task.WhenAny(stdinClosed, Task.Delay(TimeSpan.FromHours(1)));
        await app.StopAsync();
        return 0;
    }
}
