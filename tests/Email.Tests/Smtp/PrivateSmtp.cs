using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Engagement.Email.Tests.Smtp;

/// <summary>
/// An aiosmtpd of the test's own on a free loopback port, keeping every message it accepts in a maildir, which the test
/// may stop and start again on the same port (an outage). Runs Debian's python3-aiosmtpd with Debian's /usr/bin/python3.
/// </summary>
public sealed class PrivateSmtp : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly Lazy<string?> Unavailable = new(FindWhyUnavailable);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "engagement-tests", $"smtp-{Guid.NewGuid():N}");
    private readonly StringBuilder _output = new();
    private Process? _process;

    private PrivateSmtp(int port) => Port = port;

    public int Port { get; }

    /// <summary>The maildir the server's Mailbox handler delivers into (messages land in its "new" folder).</summary>
    public string Maildir => Path.Combine(_directory, "maildir");

    /// <summary>Why aiosmtpd cannot run here, or null when it can.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    public static async Task<PrivateSmtp> StartAsync()
    {
        if (WhyUnavailable is { } reason)
            throw new Xunit.Sdk.XunitException($"{reason} scripts/install-test-deps.sh installs python3-aiosmtpd.");
        var smtp = new PrivateSmtp(FreePort());
        Directory.CreateDirectory(smtp._directory);
        await smtp.RestartAsync();
        return smtp;
    }

    /// <summary>Starts the server (again) on the same port and returns once it greets a client with 220.</summary>
    public async Task RestartAsync()
    {
        if (_process is not null)
            throw new InvalidOperationException("The private SMTP server is already running.");
        var start = new ProcessStartInfo(Python)
        {
            // -n: never switch to the user nobody (it would do so when run as root and then could not write the maildir).
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Isolate(start);
        lock (_output)
            _output.Clear();
        _process = Process.Start(start)!;
        // Read the output so the server never blocks on a full pipe, and keep it to explain a failed start.
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await GreetsAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                string output;
                lock (_output)
                    output = _output.ToString();
                throw new Xunit.Sdk.XunitException($"aiosmtpd on port {Port} did not greet within {StartTimeout.TotalSeconds} s. Its output:\n{output}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Kills the server, as a crash or a network cut would look to a sender; what it had received stays.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>
    /// Every message received so far, oldest first. The Mailbox handler stores a message before the server answers 250,
    /// so a message the sender saw accepted is already here.
    /// </summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var delivered = Path.Combine(Maildir, "new");
        if (!Directory.Exists(delivered))
            return [];
        return new DirectoryInfo(delivered).EnumerateFiles()
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.FullName))
            .ToList();
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
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory must not fail the test.
        }
    }

    // Debian's interpreter with Debian's packages only: a user's site-packages or PYTHONPATH could shadow aiosmtpd with
    // another version, and the tests would then prove something about a server CI does not have.
    private static void Isolate(ProcessStartInfo start)
    {
        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");
        start.Environment["PYTHONNOUSERSITE"] = "1";
        start.Environment["PYTHONUNBUFFERED"] = "1";
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private async Task<bool> GreetsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var buffer = new byte[64];
            var read = await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
            // A 220 greeting, so the port is this server's and not another process's that happened to take it.
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("220", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private static string? FindWhyUnavailable()
    {
        if (!File.Exists(Python))
            return $"{Python} is not installed.";
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-c", "import aiosmtpd.handlers" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Isolate(start);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill();
                return $"{Python} took more than 30 s to import aiosmtpd.";
            }
            return process.ExitCode == 0 ? null : $"{Python} cannot import aiosmtpd ({error.Result.Trim().Split('\n')[^1]}).";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{Python} could not be started ({e.Message}).";
        }
    }
}
