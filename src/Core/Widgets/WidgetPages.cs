using Engagement.Core.Common;

namespace Engagement.Core.Widgets;

/// <summary>
/// Page addresses as ratings keep them, and the patterns a key may restrict them to. Only the scheme, host, port and
/// path are kept: query strings and fragments often carry personal information (a case number, an email), and user
/// information never belongs in a page address. A pattern is an absolute http(s) address where <c>*</c> matches any
/// run of characters, compared after the same normalisation.
/// </summary>
public static class WidgetPages
{
    public const int MaxPatternLength = 500;
    private const int MaxStars = 8;

    /// <summary>The address reduced to scheme://host[:port]/path, or null when it is not an absolute http(s) address.</summary>
    public static string? Normalise(string? address)
    {
        // IPv6 hosts are refused, as they are in origins: no key can allow one, and their bracketed form would need
        // care everywhere an address is rebuilt.
        if (string.IsNullOrWhiteSpace(address) || address.Length > TextLimits.PageUrl
            || !Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.HostNameType == UriHostNameType.IPv6)
            return null;
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        var normalised = $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}{port}{uri.AbsolutePath}";
        // Percent-encoding can make an address longer than it was sent.
        return normalised.Length <= TextLimits.PageUrl ? normalised : null;
    }

    /// <summary>The pattern as stored, or null with the reason it is not one.</summary>
    public static string? NormalisePattern(string? pattern, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > MaxPatternLength)
        {
            problem = $"Give an address pattern such as https://www.example.ca/en/services/* (at most {MaxPatternLength} characters).";
            return null;
        }
        var trimmed = pattern.Trim();
        if (trimmed.Count(c => c == '*') > MaxStars)
        {
            problem = $"A pattern may hold at most {MaxStars} '*'.";
            return null;
        }
        var schemeEnd = trimmed.IndexOf("://", StringComparison.Ordinal);
        var pathStart = schemeEnd < 0 ? -1 : trimmed.IndexOf('/', schemeEnd + 3);
        var authority = pathStart < 0 ? trimmed : trimmed[..pathStart];
        var path = pathStart < 0 ? "/" : trimmed[pathStart..];
        if (WidgetOrigins.Normalise(authority, out _) is not { } origin || path.Contains('?') || path.Contains('#'))
        {
            problem = "A page pattern is scheme://host[:port]/path, with '*' for any run of characters and no query or fragment.";
            return null;
        }
        // The path is encoded as page addresses are (an accent becomes %C3%A9), so a pattern written as people read it
        // matches the address a browser sends; '*' is left as it is.
        return origin + EncodePath(path);
    }

    private static string EncodePath(string path) =>
        Uri.TryCreate("http://pattern.invalid" + path, UriKind.Absolute, out var uri) ? uri.AbsolutePath : path;

    /// <summary>Whether a normalised page address matches a stored pattern.</summary>
    public static bool Matches(string pattern, string page)
    {
        // Classic wildcard matching: advance both, and on a mismatch retry from the last star with one more character
        // swallowed. Worst case O(pattern × page), with both bounded in length; no regular expression to blow up.
        int p = 0, s = 0, star = -1, mark = 0;
        while (s < page.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && pattern[p] == page[s])
            {
                p++;
                s++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = s;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
