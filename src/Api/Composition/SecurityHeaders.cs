namespace Engagement.Api.Composition;

/// <summary>
/// The browser security headers, in one place: every response carries nosniff, a Referrer-Policy and a
/// Content-Security-Policy (the strict default unless the endpoint chose one of the policies here or GraphiQL's), and,
/// when the browser reached the platform over TLS, a Strict-Transport-Security header.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The server-rendered pages: the platform's own stylesheet only, forms that post only to the platform, never
    /// framed, and no script at all (so no inline script or style either).
    /// </summary>
    public const string PagePolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>A page that keeps figures live may also load the platform's own script and reach its hub.</summary>
    public const string LivePagePolicy = PagePolicy + "; script-src 'self'; connect-src 'self'";

    // Whatever is not a page (JSON, text, files, redirects) loads nothing, runs nothing and is framed nowhere.
    private const string DefaultPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    // One year, the platform's own host only: a subdomain may be another service the platform does not answer for.
    private const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>
    /// Sets the headers as each response starts, so endpoints, static assets and the framework's own answers (404s,
    /// 405s, rate-limit refusals) all carry them; an endpoint's own Content-Security-Policy is kept.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                if (headers.ContentSecurityPolicy.Count == 0)
                    headers.ContentSecurityPolicy = DefaultPolicy;
                headers.XContentTypeOptions = "nosniff";
                // No referrer leaves for another site (a page's address may hold a token); within the platform one is sent,
                // so the pages' own form posts carry their real Origin rather than "null", and the cross-site check can tell
                // them apart.
                headers["Referrer-Policy"] = "same-origin";
                if (ReachedOverTls(http))
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                return Task.CompletedTask;
            }, http);
            return next(http);
        });

    /// <summary>
    /// Whether the browser reached the platform over TLS: the request itself is https, or the platform's public address
    /// (Site:PublicBaseUrl) is https and the request names that host, because the load balancer in front of the nodes ends
    /// TLS (docs/deployment.md) and passes the Host on. A plain-http request to any other name (a node's own address, a
    /// development host) never gets the header: RFC 6797 forbids it over plain http, and it would pin a host that may not
    /// serve TLS.
    /// </summary>
    private static bool ReachedOverTls(HttpContext http)
    {
        if (http.Request.IsHttps)
            return true;
        var publicBase = http.RequestServices.GetRequiredService<Settings.EngagementSettings>().PublicBaseUrl;
        return publicBase.Scheme == Uri.UriSchemeHttps
            && string.Equals(http.Request.Host.Host, publicBase.IdnHost, StringComparison.OrdinalIgnoreCase);
    }
}
