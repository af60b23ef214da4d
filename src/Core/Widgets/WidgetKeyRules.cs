using Engagement.Core.Common;

namespace Engagement.Core.Widgets;

/// <summary>The checks shared by creating and changing a key, so both refuse the same things the same way.</summary>
internal static class WidgetKeyRules
{
    public static IReadOnlyList<string> Origins(Validator v, IReadOnlyList<string>? origins)
    {
        if (origins is null || origins.Count == 0)
        {
            v.Add("allowedOrigins", ErrorCodes.Required, "Give at least one origin the widget may be used from.");
            return [];
        }
        if (origins.Count > WidgetKey.MaxOrigins)
        {
            v.Add("allowedOrigins", ErrorCodes.OutOfRange, $"A key allows at most {WidgetKey.MaxOrigins} origins.");
            return [];
        }
        var normalised = new List<string>();
        foreach (var origin in origins)
        {
            if (WidgetOrigins.Normalise(origin, out var problem) is { } ok)
            {
                if (!normalised.Contains(ok))
                    normalised.Add(ok);
            }
            else
            {
                v.Add("allowedOrigins", ErrorCodes.InvalidFormat, problem!);
            }
        }
        return normalised;
    }

    public static string? PagePattern(Validator v, string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
            return null;
        var normalised = WidgetPages.NormalisePattern(pattern, out var problem);
        if (normalised is null)
            v.Add("pagePattern", ErrorCodes.InvalidFormat, problem!);
        return normalised;
    }

    public static void Language(Validator v, string? language, SupportedLanguages languages)
    {
        if (language is not null)
            v.Language("language", language, languages);
    }
}
