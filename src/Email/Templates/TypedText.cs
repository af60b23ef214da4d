using System.Globalization;
using System.Text;

namespace Engagement.Email.Templates;

/// <summary>
/// What an email keeps of a text a person typed: every letter and mark as written, line breaks as "\n", and nothing that
/// only steers a display. Control characters (CR, NUL, escape…) go, and so do the explicit direction embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069), with which a title could turn the email's own words around it
/// back to front; the implicit marks (U+200E, U+200F) that right-to-left text needs stay.
/// </summary>
internal static class TypedText
{
    /// <summary>The text for a body: kept as typed but for what the summary above drops.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsCleaning(text))
            return text;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (!IsDropped(c) && !char.IsSurrogate(c))
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    /// <summary>
    /// The text on one line of at most <paramref name="max"/> characters: line breaks, tabs and the Unicode line and
    /// paragraph separators become single spaces, and a cut never splits a character (a lone surrogate would arrive as "�").
    /// </summary>
    public static string OneLine(string text, int max)
    {
        var clean = Clean(text);
        var line = string.Join(' ', clean.Split((char[])['\n', '\t', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (line.Length <= max)
            return line;
        var length = 0;
        for (var step = 0; length < line.Length; length += step)
        {
            step = StringInfo.GetNextTextElementLength(line, length);
            if (length + step > max - 1)
                break;
        }
        return line[..length].TrimEnd() + "…";
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (IsDropped(c) || char.IsSurrogate(c))
                return true;
        }
        return false;
    }

    private static bool IsDropped(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\t')) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
