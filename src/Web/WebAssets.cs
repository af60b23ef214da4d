using Microsoft.Extensions.FileProviders;

namespace Engagement.Web;

/// <summary>The browser assets embedded in this assembly, and the GraphiQL page that uses them.</summary>
/// <remarks>
/// <para>
/// The assets are the files listed as <c>WebAsset</c> items in Web.csproj: our own files from <c>assets/</c> and
/// libraries from npm under <c>lib/&lt;package&gt;/</c>. The host mounts them once, at <see cref="RequestPath"/>:
/// </para>
/// <code>
/// app.UseStaticFiles(new StaticFileOptions { FileProvider = WebAssets.Files, RequestPath = WebAssets.RequestPath });
/// </code>
/// <para>
/// The static file middleware then serves, for example, <c>/assets/lib/graphiql/graphiql.min.js</c> as
/// <c>text/javascript</c> and <c>/assets/lib/graphiql/graphiql.min.css</c> as <c>text/css</c>, with ETag and
/// Last-Modified. Pages refer to assets by these absolute URLs, so the mount point must stay <c>/assets</c>.
/// </para>
/// <para>
/// <c>/assets/live.js</c>, after <c>/assets/lib/signalr/signalr.min.js</c>, is the live-results client of the hub at
/// <c>/hubs/live</c> for pages and the widget; its header documents its API and the policy it needs.
/// </para>
/// </remarks>
public static class WebAssets
{
    /// <summary>Where the host mounts <see cref="Files"/>; pages reference assets below it.</summary>
    public const string RequestPath = "/assets";

    /// <summary>
    /// The Content-Security-Policy the GraphiQL page works under, checked in Chromium: same-origin scripts, styles and
    /// requests only, no inline script or style, no eval. The one addition to <c>default-src 'self'</c> is
    /// <c>font-src data:</c>, because GraphiQL's stylesheet carries its fonts as <c>data:</c> URLs (under
    /// <c>default-src 'self'</c> alone GraphiQL still works, in fallback fonts, with one console error per font).
    /// </summary>
    /// <remarks>
    /// Opening one of GraphiQL's dialogs (settings, shortcuts) makes its dialog library insert a <c>&lt;style&gt;</c>
    /// element to stop the page behind from scrolling; the policy blocks it and reports one violation. Nothing visible
    /// changes: this page never scrolls.
    /// </remarks>
    public const string GraphiQLContentSecurityPolicy =
        "default-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // Must match WebAssetResourcePrefix in Web.csproj: an asset's logical name is this prefix and its path.
    private const string ResourcePrefix = "assets/";

    private static readonly Lazy<string> GraphiQLPageText = new(() => ReadText("graphiql.html"));

    /// <summary>The embedded assets, rooted so that a request for <c>/assets/x/y.js</c> finds the asset <c>x/y.js</c>.</summary>
    public static IFileProvider Files { get; } = new EmbeddedAssetFileProvider(typeof(WebAssets).Assembly, ResourcePrefix);

    /// <summary>
    /// The GraphiQL page: loads GraphiQL and its boot script from <c>/assets</c> and queries <c>/graphql</c> on the
    /// same origin. Serve it as <c>text/html</c> with <see cref="GraphiQLContentSecurityPolicy"/>.
    /// </summary>
    public static string GraphiQLPage => GraphiQLPageText.Value;

    private static string ReadText(string path)
    {
        var file = Files.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The web asset '{path}' is not embedded in {typeof(WebAssets).Assembly.GetName().Name}.");
        }

        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }
}
