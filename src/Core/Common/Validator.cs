using System.Text.RegularExpressions;

namespace Engagement.Core.Common;

/// <summary>Collects the errors of one input so a use case reports every problem at once, not just the first.</summary>
public sealed partial class Validator
{
    private readonly List<Error> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<Error> Errors => _errors;

    public void Add(string field, string code, string message) => _errors.Add(new Error(field, code, message));

    /// <summary>Requires a non-blank text no longer than <paramref name="maxLength"/> characters.</summary>
    public void RequiredText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, ErrorCodes.Required, "This field is required.");
        else
            MaxLength(field, value, maxLength, subject: null);
    }

    /// <summary>
    /// Allows a missing text, but a present one must respect the limit. <paramref name="subject"/>, when given,
    /// starts each message, so the person knows which question or field is meant.
    /// </summary>
    public void OptionalText(string field, string? value, int maxLength, string? subject = null)
    {
        if (value is not null)
            MaxLength(field, value, maxLength, subject);
    }

    private void MaxLength(string field, string value, int maxLength, string? subject)
    {
        var prefix = subject is null ? "" : $"{subject}: ";
        // A cheap bound first, so a megabyte of text is refused without segmenting it. The longest emoji
        // sequences take about 30 UTF-16 units for one character, so no honest text reaches this bound.
        if (value.Length > maxLength * MaxUnitsPerCharacter)
        {
            Add(field, ErrorCodes.TooLong, $"{prefix}This text is far longer than the limit of {maxLength} characters.");
            return;
        }
        // Limits count user-perceived characters (text elements), so accents and emoji are not penalised.
        var length = TextLength(value);
        if (length > maxLength)
            Add(field, ErrorCodes.TooLong, $"{prefix}This text is {length} characters long; the limit is {maxLength}.");
        else if (!IsWellFormed(value))
            Add(field, ErrorCodes.InvalidFormat, $"{prefix}This text contains control characters or broken Unicode; remove them and try again.");
    }

    private const int MaxUnitsPerCharacter = 32;

    /// <summary>
    /// True when the text has no unpaired surrogates and no control characters other than tab and line breaks.
    /// Such characters are never typed by a person and break storage, logs and rendering downstream.
    /// </summary>
    public static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                    return false;
                i++;
            }
            else if (char.IsLowSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
                return false;
        }
        return true;
    }

    /// <summary>Allows a missing address; a present one must be an absolute http(s) URL within the limit.</summary>
    public void OptionalHttpUrl(string field, string? value)
    {
        if (value is null)
            return;
        if (value.Length > TextLimits.PageUrl)
            Add(field, ErrorCodes.TooLong, $"Addresses are limited to {TextLimits.PageUrl} characters.");
        else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            Add(field, ErrorCodes.InvalidFormat, "Give a full web address starting with https:// or http://.");
    }

    /// <summary>Requires a value of a known enum member (a number cast from outside may be anything).</summary>
    public void Defined<TEnum>(string field, TEnum value) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
            Add(field, ErrorCodes.InvalidFormat, $"Use one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
    }

    /// <summary>Requires a slug: 1 to 64 lowercase letters, digits and single hyphens.</summary>
    public void Slug(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, ErrorCodes.Required, "This field is required.");
        else if (value.Length > TextLimits.Slug)
            Add(field, ErrorCodes.TooLong, $"A slug has at most {TextLimits.Slug} characters.");
        else if (!SlugPattern().IsMatch(value))
            Add(field, ErrorCodes.InvalidFormat,
                $"Use 1 to {TextLimits.Slug} lowercase letters, digits and hyphens, starting and ending with a letter or digit.");
    }

    public void Language(string field, string? value, SupportedLanguages languages)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, ErrorCodes.Required, "A language is required.");
        else if (!languages.Contains(value))
            Add(field, ErrorCodes.UnsupportedLanguage, $"'{Truncate(value)}' is not one of the languages offered ({languages}).");
    }

    /// <summary>
    /// Checks a text given per language: only offered languages, each within the limit; when
    /// <paramref name="requireAll"/> is set every offered language must be present and non-blank.
    /// </summary>
    public void Localized(string field, LocalizedText? value, SupportedLanguages languages, int maxLength, bool requireAll)
    {
        if (value is null || value.Count == 0)
        {
            if (requireAll)
                Add(field, ErrorCodes.Required, $"This text is required in every language ({languages}).");
            return;
        }

        foreach (var (language, text) in value)
        {
            if (!languages.Contains(language))
                Add($"{field}.{language}", ErrorCodes.UnsupportedLanguage, $"'{Truncate(language)}' is not one of the languages offered ({languages}).");
            else if (requireAll)
                RequiredText($"{field}.{language}", text, maxLength);
            else
                OptionalText($"{field}.{language}", text, maxLength);
        }

        if (requireAll)
        {
            // Present-but-blank languages were reported in the loop above; only absent ones remain.
            foreach (var language in languages)
            {
                if (!value.ContainsKey(language))
                    Add($"{field}.{language}", ErrorCodes.Required, $"This text is required in '{language}'.");
            }
        }
    }

    public Result<T> ToResult<T>(Func<T> onSuccess) => HasErrors ? Result<T>.Fail(_errors) : Result<T>.Ok(onSuccess());

    public static int TextLength(string value) => new System.Globalization.StringInfo(value).LengthInTextElements;

    /// <summary>Keeps echoed user input short so an error message can never carry a huge payload back.</summary>
    public static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    // \z, not $: $ also matches before a final line break, which would let "slug\n" through.
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
