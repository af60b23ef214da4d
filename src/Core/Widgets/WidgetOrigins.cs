namespace Engagement.Core.Widgets;

/// <summary>
/// The origins a widget key may be used from. A pattern is an exact origin (<c>https://www.canada.ca</c>), a wildcard
/// subdomain (<c>https://*.canada.ca</c>: any subdomain, not the bare domain, and at least two labels after the star
/// so no pattern covers a whole top-level domain), or a wildcard port (<c>http://localhost:*</c>, for development).
/// Patterns and origins are compared in lowercase, with the scheme's default port made explicit.
/// </summary>
public static class WidgetOrigins
{
    private const int MaxLength = 300;

    /// <summary>The normalised pattern, or null with the reason it is not one.</summary>
    public static string? Normalise(string? pattern, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > MaxLength)
        {
            problem = "Give an origin such as https://www.example.ca, https://*.example.ca or http://localhost:*.";
            return null;
        }
        if (!TryParse(pattern.Trim().TrimEnd('/'), allowWildcards: true, out var parsed))
        {
            problem = $"'{Common.Validator.Truncate(pattern)}' is not an origin: use scheme://host[:port] with http or https, no path; '*.' may start the host and ':*' may end it.";
            return null;
        }
        if (parsed.WildcardHost && parsed.Host.Count(c => c == '.') < 1)
        {
            problem = "A wildcard must be followed by at least two labels, as in https://*.example.ca.";
            return null;
        }
        return parsed.ToString();
    }

    /// <summary>Whether an origin, as a browser sends it in the Origin header, matches any of the normalised patterns.</summary>
    public static bool Allows(IReadOnlyList<string> patterns, string? origin)
    {
        if (origin is null || origin.Length > MaxLength || !TryParse(origin, allowWildcards: false, out var o))
            return false;
        foreach (var text in patterns)
        {
            if (!TryParse(text, allowWildcards: true, out var p) || p.Scheme != o.Scheme)
                continue;
            if (p.Port is { } port && port != o.Port)
                continue;
            if (p.WildcardHost ? o.Host.EndsWith("." + p.Host, StringComparison.Ordinal) : o.Host == p.Host)
                return true;
        }
        return false;
    }

    /// <summary>The origin of an absolute http(s) address, normalised, or null.</summary>
    public static string? OriginOf(Uri address) =>
        address.Scheme is "http" or "https" && TryParse($"{address.Scheme}://{address.Authority}", allowWildcards: false, out var o) ? o.ToString() : null;

    private static bool TryParse(string text, bool allowWildcards, out Parsed parsed)
    {
        parsed = default;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
            return false;
        // Checked before lowercasing: some non-ASCII letters (the Kelvin sign) lowercase to ASCII ones.
        if (!text.All(char.IsAscii))
            return false;
        var scheme = text[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
            return false;
        var rest = text[(schemeEnd + 3)..].ToLowerInvariant();
        var wildcardHost = false;
        if (allowWildcards && rest.StartsWith("*.", StringComparison.Ordinal))
        {
            wildcardHost = true;
            rest = rest[2..];
        }
        int? port = scheme == "https" ? 443 : 80;
        var colon = rest.LastIndexOf(':');
        if (colon >= 0)
        {
            var portText = rest[(colon + 1)..];
            rest = rest[..colon];
            if (allowWildcards && portText == "*")
                port = null;
            else if (portText.Length is 0 or > 5 || !portText.All(char.IsAsciiDigit) || int.Parse(portText, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > 65535)
                return false;
            else
                port = int.Parse(portText, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (!IsHost(rest))
            return false;
        parsed = new Parsed(scheme, rest, wildcardHost, port);
        return true;
    }

    // Letters, digits, hyphens and dots, as DNS names (internationalised ones in their xn-- form) and IPv4 addresses are.
    private static bool IsHost(string host) =>
        host.Length is > 0 and <= 253 && !host.StartsWith('.') && !host.EndsWith('.') && !host.Contains("..", StringComparison.Ordinal)
        && host.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.');

    private readonly record struct Parsed(string Scheme, string Host, bool WildcardHost, int? Port)
    {
        public override string ToString()
        {
            var host = WildcardHost ? "*." + Host : Host;
            var defaultPort = Scheme == "https" ? 443 : 80;
            return Port switch
            {
                null => $"{Scheme}://{host}:*",
                var p when p == defaultPort => $"{Scheme}://{host}",
                var p => $"{Scheme}://{host}:{p}",
            };
        }
    }
}
