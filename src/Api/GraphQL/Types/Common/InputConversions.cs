using Engagement.GraphQL.Errors;
using Engagement.Core.Common;
using GraphQL;

namespace Engagement.Api.GraphQL.Types.Common;

/// <summary>Reusable conversions from GraphQL inputs to core values.</summary>
public static class InputConversions
{
    /// <summary>Translations as a core text; a language given twice is refused rather than silently dropped.</summary>
    public static LocalizedText? ToLocalized(this IEnumerable<TranslationInput>? translations, string field)
    {
        if (translations is null)
            return null;
        var list = translations.ToList();
        var repeated = list.GroupBy(t => t.Language).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw DomainErrors.ToExecutionError(new Error(field, ErrorCodes.Duplicate, $"The language '{Validator.Truncate(repeated.Key)}' is given twice."));
        return new LocalizedText(list.Select(t => new KeyValuePair<string, string>(t.Language, t.Text)));
    }

    /// <summary>A page request from `first`/`after`, refused with VALIDATION beyond the configured page size.</summary>
    public static PageRequest Page(this IResolveFieldContext context, int maxPageSize)
    {
        var first = context.GetArgument<int?>("first") ?? 20;
        if (first < 1 || first > maxPageSize)
            throw DomainErrors.ToExecutionError(new Error("first", ErrorCodes.OutOfRange, $"Ask for 1 to {maxPageSize} items at a time."));
        var after = context.GetArgument<string?>("after");
        if (after is null)
            return new PageRequest(null, first);
        if (!PageCursor.TryDecode(after, out var cursor))
            throw DomainErrors.ToExecutionError(new Error("after", ErrorCodes.InvalidFormat, "This cursor was not given by the platform."));
        return new PageRequest(cursor, first);
    }
}
