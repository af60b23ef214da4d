namespace Engagement.Core.Email;

/// <summary>
/// The platform's public address, from which links in emails are built: emails are written in the background, away from
/// any request, so the address is configuration, never a request's Host header.
/// </summary>
public sealed class PublicLinks
{
    public PublicLinks(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
            throw new ArgumentException("The public address must be an absolute http(s) URL without query or fragment.", nameof(baseUrl));
        BaseUrl = baseUrl.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>The base, without a trailing slash (https://engage.example.org).</summary>
    public string BaseUrl { get; }

    /// <summary>An absolute link to a path of the platform ("/en/unsubscribe"), with the query's values escaped.</summary>
    public string To(string path, params (string Name, string Value)[] query)
    {
        if (!path.StartsWith('/'))
            throw new ArgumentException("A path starts with '/'.", nameof(path));
        var q = query.Length == 0 ? "" : "?" + string.Join("&", query.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        return BaseUrl + path + q;
    }
}
