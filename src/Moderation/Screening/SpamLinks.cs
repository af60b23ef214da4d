namespace Engagement.Moderation.Screening;

/// <summary>
/// Finds the links in a text: http(s):// and www. addresses, and bare domains under the top-level domains spam uses and
/// people rarely type by accident (example.com, bit.ly, canada.ca — not "e.g.", "end.It" or "report.pdf"). The domain
/// after an @ is an email address, not a link; the path of a link is not read for more links. One pass over the text,
/// each character looked at a bounded number of times, whatever the input.
/// </summary>
internal static class SpamLinks
{
    /// <summary>Link shorteners: they hide where a link goes, so one of them is enough to hold a text.</summary>
    internal static readonly IReadOnlySet<string> Shorteners = new HashSet<string>(StringComparer.Ordinal)
    {
        "bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "v.gd", "buff.ly", "rebrand.ly", "cutt.ly",
        "shorturl.at", "tiny.cc", "rb.gy", "t.ly", "s.id", "bl.ink", "lnkd.in", "shorte.st", "adf.ly", "tiny.one", "qrco.de",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Shortener =
        new HashSet<string>(Shorteners, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> TopLevelDomains = new(StringComparer.Ordinal)
    {
        "com", "net", "org", "info", "biz", "io", "co", "ca", "fr", "uk", "eu", "ly", "gl", "gd", "gov", "edu", "xyz", "ru", "cn",
        "tk", "cc", "ch", "tv",
    };

    private const int MaxHostLength = 253;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TopLevel = TopLevelDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The domain of each link, lowercased and without "www.", in the order written (repeats included).</summary>
    public static List<string> Domains(string text)
    {
        var domains = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (IsSchemeAt(text, i))
            {
                var end = LinkEnd(text, i);
                if (Host(text.AsSpan(i, end - i)) is { Length: > 0 } host)
                    domains.Add(host);
                i = end;
                continue;
            }
            if (!IsLabelChar(text[i]))
            {
                i++;
                continue;
            }

            // A run of labels and dots: a host name if it is one.
            var runEnd = i;
            while (runEnd < text.Length && (IsLabelChar(text[runEnd]) || text[runEnd] == '.'))
                runEnd++;
            var run = text.AsSpan(i, runEnd - i).TrimEnd('.');
            var isLink = run.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && run.Length > 4
                || ((i == 0 || text[i - 1] != '@') && IsBareDomain(run));
            if (isLink)
            {
                if (Host(run) is { Length: > 0 } host)
                    domains.Add(host);
                runEnd = runEnd < text.Length && text[runEnd] is '/' or ':' or '?' or '#' ? LinkEnd(text, runEnd) : runEnd;
            }
            i = runEnd;
        }
        return domains;
    }

    /// <summary>True when the domain is a link shortener or a subdomain of one.</summary>
    public static bool IsShortener(string domain)
    {
        if (Shorteners.Contains(domain))
            return true;
        var dot = domain.IndexOf('.', StringComparison.Ordinal);
        while (dot >= 0)
        {
            if (Shorteners.Contains(domain[(dot + 1)..]))
                return true;
            dot = domain.IndexOf('.', dot + 1);
        }
        return false;
    }

    private static bool IsLabelChar(char c) => char.IsLetterOrDigit(c) || c == '-';

    private static bool IsSchemeAt(string text, int i) =>
        text[i] is 'h' or 'H'
        && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
        && (text.AsSpan(i).StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.AsSpan(i).StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Where a link that starts at <paramref name="start"/> ends: at a space or a character links do not hold.</summary>
    private static int LinkEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('<' or '>' or '"' or '\'' or '`' or '(' or ')' or '[' or ']' or '{' or '}' or '|' or '\\' or '^'))
            end++;
        return end;
    }

    /// <summary>Two labels or more, none empty, the last a top-level domain spam uses; or a known shortener.</summary>
    private static bool IsBareDomain(ReadOnlySpan<char> run)
    {
        var lastDot = run.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == run.Length - 1 || run.Contains("..", StringComparison.Ordinal) || run[0] == '.')
            return false;
        if (run.Length > MaxHostLength)
            return false;
        Span<char> lower = stackalloc char[run.Length];
        run.ToLowerInvariant(lower);
        if (Shortener.Contains(lower))
            return true;
        var top = run[(lastDot + 1)..];
        if (top.Length > 8)
            return false;
        return TopLevel.Contains(lower[(lastDot + 1)..]);
    }

    private static string Host(ReadOnlySpan<char> link)
    {
        var scheme = link.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
            link = link[(scheme + 3)..];
        var at = link.IndexOf('@'); // user:password@host
        var end = link.IndexOfAny("/?#");
        if (at >= 0 && (end < 0 || at < end))
            link = link[(at + 1)..];
        var length = 0;
        while (length < link.Length && (IsLabelChar(link[length]) || link[length] == '.'))
            length++;
        if (length > MaxHostLength)
            return ""; // no host name is that long
        var host = link[..length].Trim(".-").ToString().ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
