using System.Security.Cryptography;
using Engagement.Core.Common;

namespace Engagement.Core.Widgets;

/// <summary>
/// What lets a website embed the rating widget for one service: the public key the page carries, the origins and
/// pages it may be used from, the question's wording and whether the widget shows the service's average.
/// </summary>
public sealed record WidgetKey
{
    /// <summary>Every key starts so: easy to recognise in a page and in logs.</summary>
    public const string Prefix = "wk_";

    /// <summary>The length of a key: the prefix and 23 letters and digits (about 137 random bits).</summary>
    public const int KeyLength = 26;

    public const int MaxOrigins = 20;

    public required string Id { get; init; }

    /// <summary>The public identifier the embed snippet carries. Not a secret: origins and rate limits protect it.</summary>
    public required string Key { get; init; }

    public required string OrganisationId { get; init; }
    public required string ServiceId { get; init; }

    /// <summary>Normalised origin patterns (see <see cref="WidgetOrigins"/>); at least one.</summary>
    public required IReadOnlyList<string> AllowedOrigins { get; init; }

    /// <summary>When set, ratings must come from a page address matching it (see <see cref="WidgetPages"/>).</summary>
    public string? PagePattern { get; init; }

    /// <summary>The question's wording per language; a language without one uses the default wording.</summary>
    public LocalizedText Question { get; init; } = LocalizedText.Empty;

    /// <summary>When set, the widget always speaks this language; otherwise it follows the host page.</summary>
    public string? Language { get; init; }

    public required bool ShowAverage { get; init; }

    /// <summary>A disabled key is refused everywhere as if it did not exist.</summary>
    public required bool Enabled { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The wording used where the key sets none.</summary>
    public static LocalizedText DefaultQuestion { get; } = LocalizedText.EnFr("How was your experience?", "Comment s’est passée votre expérience?");

    /// <summary>The question in a language: the key's own wording, else the default.</summary>
    public string QuestionIn(string language) => Question.Has(language) ? Question[language] : DefaultQuestion.In(language)!;

    /// <summary>A fresh public key.</summary>
    public static string NewKey()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return Prefix + RandomNumberGenerator.GetString(alphabet, KeyLength - Prefix.Length);
    }

    /// <summary>Whether a text has the shape of a key, so malformed ones are refused before any lookup.</summary>
    public static bool LooksLikeKey(ReadOnlySpan<char> text)
    {
        if (text.Length != KeyLength || !text.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        foreach (var c in text[Prefix.Length..])
        {
            if (!char.IsAsciiLetterOrDigit(c))
                return false;
        }
        return true;
    }
}
