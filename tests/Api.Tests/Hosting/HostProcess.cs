using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Engagement.Api.Tests.Hosting;

/// <summary>The host binary run as its own process on a working directory, as `dotnet run --project src/Api` runs it and as the fault drills start, kill and restart it.</summary>
public sealed partial class HostProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // 128 + SIGKILL: what .NET reports for a process the kernel killed with signal 9, so a drill can prove the kill was real.
    public const int KilledBySigkill = 137;

    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _served = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _lastLines = new();

    private HostProcess(Process process) => _process = process;

    /// <summary>The process id, which is the host itself: the `dotnet` muxer runs the application in its own process.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts `dotnet Engagement.Api.dll` in <paramref name="workDir"/> on its defaults plus these arguments.</summary>
    public static HostProcess Start(string workDir, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Engagement.Api.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // The host must run on its defaults, whatever the test runner's environment says.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Storage__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);

        var host = new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
        // Both pipes are drained for the process's whole life: a host blocked on a full pipe would look like a hang.
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.EnableRaisingEvents = true;
        host._process.Exited += (_, _) => host._served.TrySetException(
            new Xunit.Sdk.XunitException($"The host exited before serving. Its last output:{Environment.NewLine}{host.LastOutput}"));
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The address the host logged once it was serving (it binds port 0, so a new one each start).</summary>
    public async Task<Uri> WaitUntilServingAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            return await _served.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"The host did not serve within {StartTimeout.TotalSeconds} s. Its last output:{Environment.NewLine}{LastOutput}");
        }
    }

    /// <summary>Waits for a process that ends by itself (a command, or a host that refuses to start) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            // With both pipes read as events, this also waits until their last lines have reached LastOutput.
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"The process did not exit within {StartTimeout.TotalSeconds} s. Its last output:{Environment.NewLine}{LastOutput}");
        }
        return _process.ExitCode;
    }

    /// <summary>Kills the host with SIGKILL (no shutdown, no flush) and returns its exit code once it has gone.</summary>
    public async Task<int> KillAsync()
    {
        if (!_process.HasExited)
        {
            // Process.Kill is kill(pid, SIGKILL) on Unix; the exit code checked by callers proves it.
            _process.Kill();
        }
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>The last lines the process wrote, standard output and error together: for failure messages, and for what a command prints.</summary>
    public string LastOutput => string.Join(Environment.NewLine, _lastLines);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
            return;
        _lastLines.Enqueue(line);
        while (_lastLines.Count > 60)
            _lastLines.TryDequeue(out _);
        if (ServingLine().Match(line) is { Success: true } match)
            _served.TrySetResult(new Uri(match.Groups[1].Value));
    }

    [GeneratedRegex(@"Engagement is serving (http://\S+)")]
    private static partial Regex ServingLine();
}
