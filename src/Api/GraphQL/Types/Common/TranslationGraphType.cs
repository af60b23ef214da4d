using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Common;

/// <summary>One language's version of a text.</summary>
internal sealed class TranslationGraphType : ObjectGraphType<KeyValuePair<string, string>>
{
    public TranslationGraphType()
    {
        Name = "Translation";
        Field<NonNullGraphType<StringGraphType>>("language").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(ctx => ctx.Source.Value);
    }
}
