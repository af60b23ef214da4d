using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>How many texts of one service, consultation or survey a theme holds.</summary>
internal sealed class ThemeCountGraphType : ObjectGraphType<ThemeCount>
{
    public ThemeCountGraphType()
    {
        Name = "ThemeCount";
        Field<NonNullGraphType<IdGraphType>>("themeId").Resolve(ctx => ctx.Source.ThemeId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("language").Resolve(ctx => ctx.Source.Language);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => ctx.Source.Count);
    }
}
