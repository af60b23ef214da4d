using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>An organisation's themes as last learnt from its most recent texts.</summary>
internal sealed class ThemeSnapshotGraphType : ObjectGraphType<ThemeSnapshot>
{
    public ThemeSnapshotGraphType()
    {
        Name = "ThemeSnapshot";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("refreshedAt").Resolve(ctx => ctx.Source.RefreshedAt);
        Field<NonNullGraphType<IntGraphType>>("textsRead").Description($"The texts the themes were learnt from (the {RefreshThemes.MaxTexts:N0} most recent at most).").Resolve(ctx => ctx.Source.TextsRead);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeGraphType>>>>("themes").Description("Largest first.").Resolve(ctx => ctx.Source.Themes.OrderByDescending(t => t.Count));
    }
}
