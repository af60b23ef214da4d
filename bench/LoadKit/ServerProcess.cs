using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Engagement.LoadKit;

/// <summary>
/// A server started as a child process on 127.0.0.1 — the platform host from its Release build, or the running tool
/// itself as a bare reference server — and its memory and CPU time from /proc.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 50;

    private readonly Process _process;
    private readonly string? _workingDirectory;
    private readonly ConcurrentQueue<string> _output;

    private ServerProcess(Process process, Uri address, string? workingDirectory, ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _workingDirectory = workingDirectory;
        _output = output;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the server wrote (standard output and error), to explain a failure.</summary>
    public IReadOnlyList<string> RecentOutput => [.. _output];

    /// <summary>
    /// The platform host from its Release build (<c>dotnet build -c Release src/Api</c>), in a fresh temporary working
    /// directory (so a fresh store, deleted on disposal), listening on a free port of 127.0.0.1.
    /// </summary>
    /// <param name="tool">Names the temporary directory (<c>/tmp/engagement-{tool}/…</c>).</param>
    /// <param name="settings">Command-line settings such as <c>--Seed:DemoData=true</c>.</param>
    public static Task<ServerProcess> StartPlatformAsync(string tool, IEnumerable<string> settings)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "Api", "bin", "Release", "net10.0", "Engagement.Api.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"Build the host first (dotnet build -c Release src/Api): {dll} is missing.");
        var dir = Path.Combine(Path.GetTempPath(), $"engagement-{tool}", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return StartAsync([dll, "--urls", "http://127.0.0.1:0", .. settings], dir, PlatformLine());
    }

    /// <summary>
    /// The running tool again (its entry assembly) with <paramref name="args"/>, as a bare reference server that
    /// announces itself through <see cref="ChildServer.ServeAsync"/> with the same <paramref name="name"/>.
    /// </summary>
    public static Task<ServerProcess> StartSelfAsync(string name, IEnumerable<string> args)
    {
        var self = Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("No entry assembly.");
        return StartAsync([self, .. args], null, new Regex(Regex.Escape(name) + @" serving (http://[^\s]+)", RegexOptions.CultureInvariant));
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
        var output = new ConcurrentQueue<string>();
        void Keep(string line)
        {
            output.Enqueue(line);
            while (output.Count > KeptLines && output.TryDequeue(out _))
            {
            }
        }
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
                return;
            Keep(line);
            if (serving.Match(line) is { Success: true } m)
                address.TrySetResult(new Uri(m.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
                Keep(line);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri("http://127.0.0.1/"), workingDirectory, output);
        var started = await Task.WhenAny(address.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (started != address.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server did not start: {string.Join(Environment.NewLine, output)}");
        }
        var uri = await address.Task;
        if (uri.Host != "127.0.0.1")
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server listens on {uri}, not on loopback.");
        }
        return new ServerProcess(process, uri, workingDirectory, output);
    }

    /// <summary>VmRSS and RssAnon of the process, in KiB.</summary>
    public (long VmRss, long RssAnon) Memory() => ProcFs.Memory(Pid);

    /// <summary>User + system CPU time of the process so far.</summary>
    public TimeSpan CpuTime() => ProcFs.CpuTime(Pid);

    /// <summary>CPU time so far of the runtime's tiered-compilation (JIT) threads, by thread id (see <see cref="ProcFs.ThreadCpuTimes"/>).</summary>
    public IReadOnlyDictionary<int, TimeSpan> JitCpuTimes() => ProcFs.ThreadCpuTimes(Pid, ".NET Tiered Com");

    /// <summary>The directory holding Engagement.sln, found upwards from the tool's own directory.</summary>
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
    private static partial Regex PlatformLine();
}
