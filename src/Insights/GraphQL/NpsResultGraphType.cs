using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>The Net Promoter Score of one 0–10 question.</summary>
internal sealed class NpsResultGraphType : ObjectGraphType<NpsResult>
{
    public NpsResultGraphType()
    {
        Name = "NpsResult";
        Field<NonNullGraphType<IdGraphType>>("questionId").Resolve(ctx => ctx.Source.QuestionId);
        Field<NonNullGraphType<IntGraphType>>("answers").Resolve(ctx => (int)ctx.Source.Answers);
        Field<NonNullGraphType<IntGraphType>>("promoters").Description("Answers of 9 or 10.").Resolve(ctx => (int)ctx.Source.Promoters);
        Field<NonNullGraphType<IntGraphType>>("passives").Description("Answers of 7 or 8.").Resolve(ctx => (int)ctx.Source.Passives);
        Field<NonNullGraphType<IntGraphType>>("detractors").Description("Answers of 0 to 6.").Resolve(ctx => (int)ctx.Source.Detractors);
        Field(x => x.Score, nullable: true).Description("Promoters minus detractors, as a percentage of answers: −100 to 100; null with none.");
    }
}
