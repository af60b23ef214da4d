using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Engagement.Api.Composition;

/// <summary>Reads a request body that must fit in memory, stopping at a limit however the client frames or paces it.</summary>
internal static class RequestBodies
{
    /// <summary>
    /// The whole body when it is at most <paramref name="maxBytes"/>; null as soon as it is larger. The server's own
    /// limit is lowered to the same size first: a body sent chunked, with no length, that is refused unread would
    /// otherwise be drained by the server, up to its 30 MB default, before the refusal reaches the client.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpContext http, int maxBytes)
    {
        LimitTo(http, maxBytes);
        if (http.Request.ContentLength > maxBytes)
            return null;
        try
        {
            return await ReadAllAsync(http, maxBytes);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    /// <summary>
    /// The request's media type when its Content-Type parses and declares no charset or UTF-8; null otherwise. Bodies
    /// here are read as UTF-8 (JSON is UTF-8 by RFC 8259, browsers send forms in it): another charset is refused, not guessed.
    /// </summary>
    public static string? Utf8MediaType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            ? type.MediaType.Value
            : null;

    /// <summary>Sets the most the server reads of this request's body, where the server lets it still be set.</summary>
    public static void LimitTo(HttpContext http, long maxBytes)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = maxBytes;
    }

    private static async Task<byte[]?> ReadAllAsync(HttpContext http, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[Math.Min(16 * 1024, maxBytes + 1)];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
