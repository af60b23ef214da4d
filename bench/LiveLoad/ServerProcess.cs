using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Engagement.LiveLoad;

/// <summary>A server started as a child process on 127.0.0.1 (the platform host or the bare hub), and its memory and CPU from /proc.</summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _workingDirectory;

    private ServerProcess(Process process, Uri address, string? workingDirectory)
    {
        _process = process;
        Address = address;
        _workingDirectory = workingDirectory;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <summary>The platform host from its Release build, in a fresh temporary working directory (so a fresh store).</summary>
    public static Task<ServerProcess> StartAppAsync(Options o)
    {
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "src", "Api", "bin", "Release", "net10.0", "Engagement.Api.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"Build the host first (dotnet build -c Release src/Api): {dll} is missing.");
        var dir = Path.Combine(Path.GetTempPath(), "engagement-liveload", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        // Demonstration data on: it gives an organisation and services without signing in, and seeds only ~400 rows.
        string[] args =
        [
            dll, "--urls", "http://127.0.0.1:0", "--Seed:DemoData=true", "--RateLimits:GraphQLPerMinute=1000000",
            $"--Live:MaxUpdatesPerSecond={o.UpdatesPerSecond}",
        ];
        return StartAsync(args, dir, ServingLine());
    }

    /// <summary>This tool again, as the bare reference hub.</summary>
    public static Task<ServerProcess> StartBareAsync(Options o)
    {
        var self = typeof(ServerProcess).Assembly.Location;
        return StartAsync([self, "--serve-bare", "--updates-per-second", o.UpdatesPerSecond.ToString(CultureInfo.InvariantCulture)], null, BareLine());
    }

    private static async Task<ServerProcess> StartAsync(string[] args, string? workingDirectory, Regex serving)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && serving.Match(line) is { Success: true } m)
                address.TrySetResult(new Uri(m.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && errors.Count < 50)
                errors.Enqueue(line);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri("http://127.0.0.1/"), workingDirectory);
        var started = await Task.WhenAny(address.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (started != address.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server did not start: {string.Join(Environment.NewLine, errors)}");
        }
        var uri = await address.Task;
        if (uri.Host != "127.0.0.1")
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server listens on {uri}, not on loopback.");
        }
        return new ServerProcess(process, uri, workingDirectory);
    }

    /// <summary>VmRSS and RssAnon of the process, in KiB.</summary>
    public (long VmRss, long RssAnon) Memory()
    {
        long rss = 0, anon = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                rss = Kib(line);
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                anon = Kib(line);
        }
        return (rss, anon);

        static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>User + system CPU time of the process so far.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat (utime, stime), counted after the command name, in clock ticks (100 a second on Linux).
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engagement.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Run the tool from the repository (Engagement.sln not found above it).");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
        {
        }
        _process.Dispose();
        if (_workingDirectory is not null)
        {
            try { Directory.Delete(_workingDirectory, recursive: true); }
            catch (IOException) { }
        }
    }

    [GeneratedRegex(@"Engagement is serving (http://[^\s]+)")]
    private static partial Regex ServingLine();

    [GeneratedRegex(@"bare hub serving (http://[^\s]+)")]
    private static partial Regex BareLine();
}
