using Engagement.GraphQL.Batching;
using Engagement.Api.GraphQL.Types.Common;
using Engagement.Api.GraphQL.Types.Consultations;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>A survey with its questions and live results.</summary>
internal sealed class SurveyGraphType : ObjectGraphType<Survey>
{
    public SurveyGraphType()
    {
        Name = "Survey";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ConsultationId, type: typeof(IdGraphType));
        Field(x => x.Slug);
        Field<NonNullGraphType<LocalizedTextGraphType>>("title").Resolve(ctx => ctx.Source.Title);
        Field<NonNullGraphType<LocalizedTextGraphType>>("description").Resolve(ctx => ctx.Source.Description);
        Field<NonNullGraphType<SurveyStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<IdentityPolicyGraphType>>("identityPolicy").Resolve(ctx => ctx.Source.IdentityPolicy);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuestionGraphType>>>>("questions").Resolve(ctx => ctx.Source.Questions);
        Field(x => x.CreatedAt);
        Field(x => x.UpdatedAt);
        Field(x => x.Version);
        Field<NonNullGraphType<SurveyResultsGraphType>>("results")
            .Description("Live counts per question and value, read off the survey's tally.")
            // Batched: a list of surveys costs one tally query in all.
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<RequestBatches>().Tallies
                .Load(TallyScopes.Survey(ctx.Source.Id))
                .Then(tally => GetSurveyResults.From(ctx.Source, tally)));
    }
}
