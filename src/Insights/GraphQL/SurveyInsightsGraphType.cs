using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>A survey's insights: all-time figures and one entry per period of the range asked for.</summary>
internal sealed class SurveyInsightsGraphType : ObjectGraphType<SurveyInsights>
{
    public SurveyInsightsGraphType()
    {
        Name = "SurveyInsights";
        Field("survey", new NonNullGraphType(new GraphQLTypeReference("Survey"))).Resolve(ctx => ctx.Source.Survey);
        Field<NonNullGraphType<DateOnlyGraphType>>("from").Resolve(ctx => ctx.Source.Range.From);
        Field<NonNullGraphType<DateOnlyGraphType>>("to").Resolve(ctx => ctx.Source.Range.To);
        Field<NonNullGraphType<SurveyPeriodGraphType>>("overall").Resolve(ctx => ctx.Source.Overall);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyPeriodGraphType>>>>("periods").Resolve(ctx => ctx.Source.Periods);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeCountGraphType>>>>("themes")
            .Description("The organisation's latest themes as heard here, largest first (themes are learnt in the background).").Resolve(ctx => ctx.Source.Themes);
    }
}
