using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Engagement.Web.Tests;

/// <summary>The assets mounted the way the host mounts them, in a real Kestrel host on loopback.</summary>
public sealed class StaticFileServingTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.UseStaticFiles(new StaticFileOptions { FileProvider = WebAssets.Files, RequestPath = WebAssets.RequestPath });
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(ListedAssets.Paths), MemberType = typeof(ListedAssets))]
    public async Task Every_listed_asset_is_served_under_assets_with_its_content_type(string path)
    {
        using var response = await Client.GetAsync($"/assets/{path}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = Path.GetExtension(path) switch
        {
            ".js" => "text/javascript",
            ".css" => "text/css",
            ".html" => "text/html",
            var other => throw new InvalidOperationException($"No expected content type for {other}: add one here."),
        };
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WebAssets.Files.GetFileInfo(path).Length, (await response.Content.ReadAsByteArrayAsync()).LongLength);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_file_that_is_not_listed_is_not_found()
    {
        using var response = await Client.GetAsync("/assets/lib/graphiql/graphiql.min.js.map");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
