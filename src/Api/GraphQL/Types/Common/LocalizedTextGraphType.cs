using Engagement.Core.Common;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Common;

/// <summary>A text in several languages: ask for one language, or for every translation.</summary>
internal sealed class LocalizedTextGraphType : ObjectGraphType<LocalizedText>
{
    public LocalizedTextGraphType(SupportedLanguages languages)
    {
        Name = "LocalizedText";
        Description = "A text given per language.";
        Field<StringGraphType>("text")
            .Description("The text in the language asked for; else in the platform's default language; else any; null when empty.")
            .Argument<StringGraphType>("language")
            .Resolve(ctx => ctx.Source.In(ctx.GetArgument<string?>("language") ?? languages.DefaultLanguage, languages.DefaultLanguage));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TranslationGraphType>>>>("translations")
            .Resolve(ctx => ctx.Source.ToArray());
    }
}
