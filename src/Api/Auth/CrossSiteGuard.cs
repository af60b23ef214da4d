namespace Engagement.Api.Auth;

/// <summary>
/// Refuses state-changing browser requests sent from another site while the staff cookie rides along. A
/// browser always sends <c>Origin</c> on cross-site POSTs (and <c>Sec-Fetch-Site</c> on modern ones); a request
/// with neither comes from a non-browser client, which cannot carry a victim's cookie.
/// </summary>
public static class CrossSiteGuard
{
    public static bool IsAllowed(HttpRequest request, IReadOnlyList<string> trustedOrigins)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
            return origin == OwnOrigin(request) || trustedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length == 0 || site is "same-origin" or "none";
    }

    /// <summary>The origin this request reached the platform at: what its own pages send as Origin.</summary>
    public static string OwnOrigin(HttpRequest request) => $"{request.Scheme}://{request.Host.Value}";
}
