using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Engagement.Api.Tests.Live;

/// <summary>
/// A redis-server of the test's own on a free loopback port, which the test may stop and start again on the same port
/// (an outage) without disturbing the Redis other tests share. Nothing is saved to disk.
/// </summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "engagement-tests", $"redis-{Guid.NewGuid():N}");
    private Process? _process;

    private PrivateRedis(int port) => Port = port;

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Why redis-server cannot run here (it is on no folder of the PATH), or null when it can.</summary>
    public static string? WhyUnavailable { get; } = FindWhyUnavailable();

    public static async Task<PrivateRedis> StartAsync()
    {
        if (WhyUnavailable is { } reason)
            throw new Xunit.Sdk.XunitException($"{reason} scripts/install-test-deps.sh installs it.");
        var redis = new PrivateRedis(FreePort());
        Directory.CreateDirectory(redis._directory);
        await redis.RestartAsync();
        return redis;
    }

    /// <summary>Starts the server (again) on the same port and returns once it answers PING.</summary>
    public async Task RestartAsync()
    {
        if (_process is not null)
            throw new InvalidOperationException("The private Redis is already running.");
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", _directory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new Xunit.Sdk.XunitException($"redis-server could not be started ({e.Message}); scripts/install-test-deps.sh installs it.");
        }
        // Read the output so a chatty server never blocks on a full pipe.
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"redis-server on port {Port} did not answer PING within {StartTimeout.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    /// <summary>Kills the server, as a crash or a network cut would look to the nodes.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private static string? FindWhyUnavailable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(folder => File.Exists(Path.Combine(folder, "redis-server")))
            ? null
            : "redis-server is not on the PATH.";
    }

    /// <summary>A loopback port nothing listens on at the moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Hosting.EngagementAppFactory.TryDeleteDirectory(_directory);
    }
}
