using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>A topic of an organisation's texts in one language, named by its most distinctive terms.</summary>
internal sealed class ThemeGraphType : ObjectGraphType<ThemeSummary>
{
    public ThemeGraphType()
    {
        Name = "Theme";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stays the same across refreshes while the theme's texts do.").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("language").Resolve(ctx => ctx.Source.Language);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("topTerms").Resolve(ctx => ctx.Source.TopTerms);
        Field<NonNullGraphType<IntGraphType>>("count").Description("Texts in the theme; the counts of a snapshot add up to textsRead.").Resolve(ctx => ctx.Source.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeQuoteGraphType>>>>("quotes").Resolve(ctx => ctx.Source.Quotes);
    }
}
