using System.Globalization;
using Engagement.LoadKit;

namespace Engagement.WidgetLoad;

/// <summary>
/// <c>dotnet run -c Release --project bench/WidgetLoad -- [--scenario capacity|limits|all] [--mode both|real|bare] [--connections 64] [--seconds 10] …</c>
/// (see <see cref="Options"/> and bench/WidgetLoad/run.sh). Every server listens on 127.0.0.1 only; every loop is
/// bounded in count and time. <c>--mode bare</c> runs every step against the bare endpoint alone, to check the tool.
/// </summary>
public static class WidgetLoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        Options o;
        try
        {
            o = Options.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        if (o.ServeBare)
            return await BareWidget.ServeAsync();
        // The load tool's thread-pool workers sleep at once when out of work instead of spinning first: at a constant
        // rate, spinning cost the tool half a core that the server it measures then lacked. The servers keep the
        // runtime's defaults (the bare one returned above, before this).
        AppContext.SetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", 0);

        // Bounded as a whole, besides the bounds of every phase.
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"widget load: scenario {o.Scenario}, mode {o.Mode}, key {o.Key}; {Environment.ProcessorCount} cores; fd limit {ProcFs.FdLimit()}"));
        var tables = new List<string>();
        try
        {
            if (o.Scenario is "capacity" or "all")
                tables.Add(await Capacity.RunAsync(o, cts.Token));
            if (o.Scenario is "limits" or "all")
                tables.Add(await Limits.RunAsync(o, cts.Token));
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            foreach (var t in tables)
                Console.WriteLine(t);
            return 1;
        }
        Console.WriteLine();
        foreach (var t in tables)
            Console.WriteLine(t);
        return 0;
    }
}
