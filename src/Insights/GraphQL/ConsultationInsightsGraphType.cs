using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>A consultation's insights: all-time figures and one entry per period of the range asked for.</summary>
internal sealed class ConsultationInsightsGraphType : ObjectGraphType<ConsultationInsights>
{
    public ConsultationInsightsGraphType()
    {
        Name = "ConsultationInsights";
        Field("consultation", new NonNullGraphType(new GraphQLTypeReference("Consultation"))).Resolve(ctx => ctx.Source.Consultation);
        Field<NonNullGraphType<DateOnlyGraphType>>("from").Resolve(ctx => ctx.Source.Range.From);
        Field<NonNullGraphType<DateOnlyGraphType>>("to").Resolve(ctx => ctx.Source.Range.To);
        Field<NonNullGraphType<ConsultationPeriodGraphType>>("overall").Resolve(ctx => ctx.Source.Overall);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsultationPeriodGraphType>>>>("periods").Resolve(ctx => ctx.Source.Periods);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeCountGraphType>>>>("themes")
            .Description("The organisation's latest themes as heard here, largest first (themes are learnt in the background).").Resolve(ctx => ctx.Source.Themes);
    }
}
