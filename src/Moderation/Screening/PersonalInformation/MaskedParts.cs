namespace Engagement.Moderation.Screening.PersonalInformation;

/// <summary>
/// A stored text cut where masking put a placeholder, so a moderator's page can show at a glance what was taken out.
/// A citizen who typed "[email]" themselves is shown the same way: the placeholder means nothing more than that.
/// </summary>
public static class MaskedParts
{
    private static readonly string[] Placeholders = [.. PersonalInformationKinds.All.Select(k => k.Placeholder())];

    /// <summary>The text in order, each part marked whether it is a masking placeholder.</summary>
    public static IReadOnlyList<(string Text, bool Masked)> Split(string text)
    {
        var parts = new List<(string, bool)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '[')
                continue;
            var placeholder = Array.Find(Placeholders, p => string.CompareOrdinal(text, i, p, 0, p.Length) == 0);
            if (placeholder is null)
                continue;
            if (i > start)
                parts.Add((text[start..i], false));
            parts.Add((placeholder, true));
            i += placeholder.Length - 1;
            start = i + 1;
        }
        if (start < text.Length)
            parts.Add((text[start..], false));
        return parts;
    }
}
