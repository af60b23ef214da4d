using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Engagement.WidgetLoad;

/// <summary>One answer: its status, whether it carried <c>Retry-After</c> and <c>Connection: close</c>, and its body when unexpected.</summary>
public readonly record struct HttpAnswer(int Status, bool RetryAfter, bool Close, string? Body);

/// <summary>
/// A minimal HTTP/1.1 client connection: one request in flight, the request's bytes prepared once, the answer's status
/// line and the few headers the tool needs parsed, the body (Content-Length or chunked) skipped. The tool shares two
/// cores with the server it measures, so the client must cost as little as it can: HttpClient spends several times
/// more per request than this, which would cap the bare endpoint's figure and flatter the ratio.
/// Its socket can be bound to a chosen loopback address first, so the server sees a distinct client per address.
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    private const int MaxBuffer = 1 << 20;

    private readonly Socket _socket;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    private RawHttpConnection(Socket socket) => _socket = socket;

    /// <summary>Keep every answer's body, not only those of unexpected answers.</summary>
    public bool KeepAllBodies { get; set; }

    /// <summary>Bodies of answers with these statuses are not kept (kept bodies explain unexpected answers).</summary>
    public static IReadOnlySet<int> QuietStatuses { get; } = new HashSet<int> { 200, 201, 429 };

    public static async Task<RawHttpConnection> OpenAsync(IPEndPoint server, IPAddress? local, CancellationToken ct)
    {
        var socket = Create(local);
        try
        {
            await socket.ConnectAsync(server, ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new RawHttpConnection(socket);
    }

    /// <summary>Connects synchronously (on loopback this takes microseconds), for the constant-rate pacer's thread.</summary>
    public static RawHttpConnection Open(IPEndPoint server, IPAddress? local)
    {
        var socket = Create(local);
        try
        {
            socket.Connect(server);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new RawHttpConnection(socket);
    }

    private static Socket Create(IPAddress? local)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        // Linux routes all of 127.0.0.0/8 to the loopback interface: binding 127.0.0.N gives the server a distinct client address.
        if (local is not null)
            socket.Bind(new IPEndPoint(local, 0));
        return socket;
    }

    /// <summary>Writes a whole request synchronously (a few hundred bytes into an empty socket buffer do not block).</summary>
    public void Send(ReadOnlySpan<byte> request)
    {
        while (!request.IsEmpty)
            request = request[_socket.Send(request, SocketFlags.None)..];
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> request, CancellationToken ct)
    {
        while (!request.IsEmpty)
            request = request[await _socket.SendAsync(request, SocketFlags.None, ct)..];
    }

    /// <summary>Reads one whole answer. Throws <see cref="IOException"/> when the server closes the connection first.</summary>
    public async ValueTask<HttpAnswer> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            if (TryParse(_buffer.AsSpan(_start, _end - _start), KeepAllBodies, out var answer, out var consumed))
            {
                _start += consumed;
                if (_start == _end)
                    _start = _end = 0;
                return answer;
            }
            if (_end == _buffer.Length)
            {
                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    (_start, _end) = (0, _end - _start);
                }
                else if (_buffer.Length < MaxBuffer)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
                else
                {
                    throw new InvalidDataException($"An answer larger than {MaxBuffer} bytes.");
                }
            }
            var n = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, ct);
            if (n == 0)
                throw new IOException("The server closed the connection.");
            _end += n;
        }
    }

    /// <summary>Parses one answer from the start of <paramref name="data"/>; false when it is not all there yet.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, bool keepBody, out HttpAnswer answer, out int consumed)
    {
        answer = default;
        consumed = 0;
        var headEnd = data.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
            return false;
        if (headEnd < 12 || !data.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(data.Slice(9, 3), out int status, out var statusLength) || statusLength != 3)
            throw new InvalidDataException($"Not an HTTP/1.x status line: {Encoding.ASCII.GetString(data[..Math.Min(headEnd, 80)])}");
        long contentLength = -1;
        bool chunked = false, retryAfter = false, close = false;
        var head = data[..headEnd];
        var lineEnd = head.IndexOf("\r\n"u8);
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            rest = lineEnd < 0 ? [] : rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
                continue;
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
            {
                if (!Utf8Parser.TryParse(value, out contentLength, out _))
                    throw new InvalidDataException("A bad Content-Length.");
            }
            else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
            {
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "retry-after"u8))
            {
                retryAfter = !value.IsEmpty;
            }
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8))
            {
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
        }
        var body = keepBody || !QuietStatuses.Contains(status) ? new StringBuilder() : null;
        var pos = headEnd + 4;
        if (chunked)
        {
            while (true)
            {
                var sizeEnd = data[pos..].IndexOf("\r\n"u8);
                if (sizeEnd < 0)
                    return false;
                var sizeText = data.Slice(pos, sizeEnd);
                if (sizeText.IndexOf((byte)';') is var semicolon and >= 0)
                    sizeText = sizeText[..semicolon];
                if (!Utf8Parser.TryParse(sizeText, out int size, out _, 'x'))
                    throw new InvalidDataException("A bad chunk size.");
                pos += sizeEnd + 2;
                if (size == 0)
                {
                    // The last chunk, then optional trailers, then an empty line.
                    if (data.Length - pos < 2)
                        return false;
                    if (data[pos..].StartsWith("\r\n"u8))
                    {
                        pos += 2;
                    }
                    else
                    {
                        var trailersEnd = data[pos..].IndexOf("\r\n\r\n"u8);
                        if (trailersEnd < 0)
                            return false;
                        pos += trailersEnd + 4;
                    }
                    break;
                }
                if (data.Length - pos < size + 2)
                    return false;
                body?.Append(Encoding.UTF8.GetString(data.Slice(pos, size)));
                pos += size + 2;
            }
        }
        else if (contentLength >= 0)
        {
            if (data.Length - pos < contentLength)
                return false;
            body?.Append(Encoding.UTF8.GetString(data.Slice(pos, (int)contentLength)));
            pos += (int)contentLength;
        }
        else if (status is not (>= 100 and < 200 or 204 or 304))
        {
            throw new InvalidDataException($"An answer {status} with neither Content-Length nor chunked encoding.");
        }
        answer = new HttpAnswer(status, retryAfter, close, body?.ToString());
        consumed = pos;
        return true;
    }

    public void Dispose() => _socket.Dispose();
}
