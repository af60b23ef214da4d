using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Engagement.Email.Tests.Smtp;

/// <summary>
/// A fake SMTP server on a free loopback port that answers from a script: the replies a real test server never gives
/// (a 550 for the recipient, a 451, no greeting at all), and a count of connections to prove that none was made.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, string?> _script;
    private readonly bool _greets;
    private readonly Task _accepting;
    private int _connections;

    /// <param name="script">
    /// The reply to a step ("EHLO", "MAIL", "RCPT", "DATA", or "END" for the end of the message's data), or null for
    /// the usual success.
    /// </param>
    /// <param name="greets">False for a server that accepts connections and then says nothing, ever.</param>
    public ScriptedSmtpServer(Func<string, string?>? script = null, bool greets = true)
    {
        _script = script ?? (_ => null);
        _greets = greets;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                sessions.Add(ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            if (!_greets)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }
            await writer.WriteLineAsync("220 scripted.test ESMTP");
            var inData = false;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (inData)
                {
                    if (line != ".")
                        continue;
                    inData = false;
                    await writer.WriteLineAsync(_script("END") ?? "250 2.0.0 Queued");
                    continue;
                }
                var step = line.Split(' ', ':')[0].ToUpperInvariant();
                var reply = _script(step) ?? step switch
                {
                    "EHLO" or "HELO" => "250 scripted.test",
                    "DATA" => "354 End data with <CR><LF>.<CR><LF>",
                    "QUIT" => "221 2.0.0 Bye",
                    _ => "250 2.0.0 OK",
                };
                await writer.WriteLineAsync(reply);
                if (step == "DATA" && reply.StartsWith("354", StringComparison.Ordinal))
                    inData = true;
                if (step == "QUIT")
                    return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client hung up, or the test is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
