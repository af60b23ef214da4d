using System.Globalization;
using System.Text;

namespace Engagement.Insights.Sentiment;

/// <summary>How insights splits a text into words: lower case, letters and digits with inner apostrophes kept.</summary>
internal static class Tokens
{
    public static IEnumerable<string> Words(string text)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
            // "don't", "j'ai", "aujourd’hui": an apostrophe between letters stays in the word.
            else if (c is '\'' or '’' && sb.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                sb.Append('\'');
            else if (sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }
        }
        if (sb.Length > 0)
            yield return sb.ToString();
    }

    /// <summary>The word without its accents ("déçu" → "decu"), as many people type French.</summary>
    public static string Fold(string word)
    {
        if (word.All(char.IsAscii))
            return word;
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
