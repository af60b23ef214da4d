using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Engagement.Api.Tests.Hosting;

namespace Engagement.Api.Tests.Widget;

/// <summary><c>GET /widget.js</c>: the script host pages load, cacheable, revalidated by ETag, gzipped when asked.</summary>
public sealed class WidgetScriptTests(WidgetHost host) : IClassFixture<WidgetHost>
{
    private readonly HttpClient _client = host.App.CreateClient();

    [Fact]
    public async Task The_script_is_javascript_with_an_etag_and_a_five_minute_cache_lifetime()
    {
        using var response = await _client.GetAsync("/widget.js");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl?.MaxAge);
        Assert.Null(response.Content.Headers.ContentEncoding.FirstOrDefault());
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Null(response.Header("Set-Cookie"));
        Assert.Contains("data-key", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_is_not_sent_again_to_a_client_holding_its_etag()
    {
        using var first = await _client.GetAsync("/widget.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var again = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
    }

    [Fact]
    public async Task The_script_is_sent_again_to_a_client_holding_another_etag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000000000000000\""));

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_script_is_gzipped_for_a_client_that_accepts_gzip_and_decompresses_to_the_plain_script()
    {
        using var plain = await _client.GetAsync("/widget.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var gzipped = await _client.SendAsync(request);
        var compressed = await gzipped.Content.ReadAsByteArrayAsync();
        using var decompressed = new MemoryStream();
        await using (var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress))
            await gzip.CopyToAsync(decompressed);

        Assert.Equal(HttpStatusCode.OK, gzipped.StatusCode);
        Assert.Equal(["gzip"], gzipped.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", gzipped.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", gzipped.Headers.Vary);
        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), decompressed.ToArray());
        Assert.True(compressed.Length < decompressed.Length);
    }
}
