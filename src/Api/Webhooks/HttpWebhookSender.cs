using System.Net;
using System.Net.Sockets;
using System.Text;
using Engagement.Api.Settings;
using Engagement.Core.Webhooks;

namespace Engagement.Api.Webhooks;

/// <summary>
/// Posts deliveries with one pooled HttpClient. Redirects are answers, never followed (a receiver could otherwise send the
/// platform anywhere); only the first kilobyte of a failure's body is read, for the admin; no proxy is used. Unless
/// private networks are allowed, every connection goes only to public addresses: the name is resolved here and each
/// address it gives is checked before connecting, so a public name that resolves (or is changed to resolve) to a private
/// address is refused too.
/// </summary>
internal sealed class HttpWebhookSender : IWebhookSender, IDisposable
{
    private const int ExcerptBytes = 1024;
    private const int ExcerptChars = 200;

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public HttpWebhookSender(WebhookSettings settings)
    {
        _timeout = settings.Timeout;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = settings.Timeout,
            // Connections are renewed, so a receiver's new address is resolved (and checked) again.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxResponseHeadersLength = 16,
        };
        if (!settings.AllowPrivateNetworks)
            handler.ConnectCallback = ConnectToPublicAddressAsync;
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Engagement-Webhooks/1.0");
    }

    public async Task<WebhookResponse> PostAsync(WebhookRequest request, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url)
        {
            Content = new StringContent(request.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in request.Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = response.IsSuccessStatusCode ? null : await ExcerptAsync(response, timeout.Token);
            return new WebhookResponse((int)response.StatusCode, excerpt);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new WebhookDeliveryException($"The receiver did not answer within {_timeout.TotalSeconds:0} s.", transient: true);
        }
        catch (HttpRequestException e) when (FindRefusal(e) is { } refusal)
        {
            throw new WebhookDeliveryException(refusal.Message, transient: false, e);
        }
        catch (HttpRequestException e)
        {
            throw new WebhookDeliveryException($"Could not reach the receiver: {e.Message}", transient: true, e);
        }
    }

    public void Dispose() => _http.Dispose();

    // The start of the body, as one line of plain text; a body that stalls or breaks off is simply left out.
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[ExcerptBytes];
            var read = 0;
            while (read < buffer.Length && await body.ReadAsync(buffer.AsMemory(read), ct) is var n and > 0)
                read += n;
            var text = new string([.. Encoding.UTF8.GetString(buffer, 0, read).Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
            return text.Length == 0 ? null : text.Length <= ExcerptChars ? text : text[..ExcerptChars] + "…";
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0)
            throw new SocketException((int)SocketError.HostNotFound);
        // Every address must be public: a name mixing public and private ones could be steered to the private one.
        if (addresses.FirstOrDefault(a => !WebhookAddresses.IsPublic(a)) is { } refused)
            throw new PrivateAddressRefusedException(host, refused);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static PrivateAddressRefusedException? FindRefusal(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is PrivateAddressRefusedException refusal)
                return refusal;
        }
        return null;
    }

    /// <summary>A connection the network policy forbids; the sender reports it as a permanent failure.</summary>
    private sealed class PrivateAddressRefusedException(string host, IPAddress address)
        : Exception($"Refused to connect: {host} resolves to {address}, a private or local address (Webhooks:AllowPrivateNetworks is off).");
}
