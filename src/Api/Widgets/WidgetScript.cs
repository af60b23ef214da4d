using System.IO.Compression;
using System.Security.Cryptography;
using Engagement.Web;

namespace Engagement.Api.Widgets;

/// <summary>
/// <c>/widget.js</c>: the embedded widget script, held in memory plain and gzipped (a host page's visitors pay for its
/// size on every first view), with a content-hash ETag and a short cache lifetime so a new version reaches pages soon.
/// </summary>
public sealed class WidgetScript
{
    public const string Path = "/widget.js";

    private readonly Lazy<Content?> _content = new(Load);

    public IResult Serve(HttpContext http)
    {
        if (_content.Value is not { } content)
            return Results.NotFound();
        var headers = http.Response.Headers;
        headers.CacheControl = "public, max-age=300";
        headers.ETag = content.ETag;
        headers.Vary = "Accept-Encoding";
        // Host pages that isolate themselves (Cross-Origin-Embedder-Policy) may still load it.
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        if (http.Request.Headers.IfNoneMatch.Contains(content.ETag))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        if (http.Request.Headers.AcceptEncoding.Any(e => e is not null && e.Contains("gzip", StringComparison.OrdinalIgnoreCase)))
        {
            headers.ContentEncoding = "gzip";
            return Results.Bytes(content.Gzipped, "text/javascript; charset=utf-8");
        }
        return Results.Bytes(content.Plain, "text/javascript; charset=utf-8");
    }

    private static Content? Load()
    {
        var file = WebAssets.Files.GetFileInfo("widget.js");
        if (!file.Exists)
            return null;
        using var stream = file.CreateReadStream();
        using var plain = new MemoryStream();
        stream.CopyTo(plain);
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(plain.GetBuffer(), 0, (int)plain.Length);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(plain.ToArray()))[..16]}\"";
        return new Content(plain.ToArray(), gzipped.ToArray(), etag);
    }

    private sealed record Content(byte[] Plain, byte[] Gzipped, string ETag);
}
