using Engagement.GraphQL;
using Engagement.GraphQL.Errors;
using Engagement.GraphQL.Access;
using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>Root fields for surveys, their lifecycle, and citizens' responses.</summary>
internal sealed class SurveyFields : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query)
    {
        query.Field<SurveyGraphType>("survey")
            .Description("One survey. A draft is visible to its organisation's staff only.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var survey = await ctx.Use<ISurveyStore>().GetAsync(ctx.GetArgument<string>("id"), ctx.CancellationToken);
                return survey is { Status: SurveyStatus.Draft } && !await ctx.CanReadStaffDataAsync(survey.OrganisationId) ? null : survey;
            });
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<SurveyGraphType>("createSurvey")
            .Description("Creates a draft survey. Analysts and admins.")
            .Argument<NonNullGraphType<CreateSurveyInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CreateSurveyInput>("input");
                return await ctx.AsStaffAsync(input.OrganisationId, Permission.ManageSurveys, access => ctx.Use<CreateSurvey>().ExecuteAsync(
                    new CreateSurvey.Request(input.OrganisationId, input.Slug, input.Title.ToLocalized("title")!, Questions(input.Questions),
                        input.Description.ToLocalized("description"), input.IdentityPolicy ?? IdentityPolicy.AnonymousAllowed, input.ConsultationId),
                    access.Actor, ctx.CancellationToken));
            });

        mutation.Field<SurveyGraphType>("updateSurvey")
            .Description("Replaces a draft survey's texts, policy and questions. Analysts and admins.")
            .Argument<NonNullGraphType<UpdateSurveyInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<UpdateSurveyInput>("input");
                return await WithSurveyAsync(ctx, input.SurveyId, access => ctx.Use<UpdateSurvey>().ExecuteAsync(
                    new UpdateSurvey.Request(input.SurveyId, input.Title.ToLocalized("title")!, Questions(input.Questions), input.Description.ToLocalized("description"),
                        input.IdentityPolicy, input.ExpectedVersion),
                    access.Actor, ctx.CancellationToken));
            });

        mutation.Field<SurveyGraphType>("openSurvey")
            .Description("Opens a draft survey for responses. Analysts and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("surveyId")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async ctx => await WithSurveyAsync(ctx, ctx.GetArgument<string>("surveyId"), access => ctx.Use<OpenSurvey>().ExecuteAsync(
                new OpenSurvey.Request(ctx.GetArgument<string>("surveyId"), ctx.GetArgument<int?>("expectedVersion")), access.Actor, ctx.CancellationToken)));

        mutation.Field<SurveyGraphType>("closeSurvey")
            .Description("Closes an open survey. Analysts and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("surveyId")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async ctx => await WithSurveyAsync(ctx, ctx.GetArgument<string>("surveyId"), access => ctx.Use<CloseSurvey>().ExecuteAsync(
                new CloseSurvey.Request(ctx.GetArgument<string>("surveyId"), ctx.GetArgument<int?>("expectedVersion")), access.Actor, ctx.CancellationToken)));

        mutation.Field<SurveyResponseGraphType>("submitSurveyResponse")
            .Description("Submits a participant's one response to an open survey.")
            .Argument<NonNullGraphType<SubmitSurveyResponseInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<SubmitSurveyResponseInput>("input");
                var repeated = input.Answers.GroupBy(a => a.QuestionId).FirstOrDefault(g => g.Count() > 1);
                if (repeated is not null)
                    throw DomainErrors.ToExecutionError(new Error($"answers.{repeated.Key}", ErrorCodes.Duplicate, $"Question '{Validator.Truncate(repeated.Key)}' is answered twice."));
                if (await ctx.ParticipantIdAsync(input.ParticipantToken) is not { } participantId)
                    return null;
                var answers = input.Answers.ToDictionary(a => a.QuestionId, a => a.ToAnswer(), StringComparer.Ordinal);
                return (await ctx.Use<SubmitSurveyResponse>().ExecuteAsync(
                    new SubmitSurveyResponse.Request(input.SurveyId, participantId, input.Language, answers, input.FollowUpEmail), ctx.CancellationToken)).ValueOrErrors(ctx);
            });
    }

    private static List<Question> Questions(List<QuestionInput> inputs) => inputs.Select((q, i) => q.ToQuestion(i)).ToList();

    private static async Task<Survey?> WithSurveyAsync(IResolveFieldContext ctx, string surveyId, Func<StaffAccess, Task<Result<Survey>>> run)
    {
        var survey = await ctx.LoadAsync(() => ctx.Use<ISurveyStore>().GetAsync(surveyId, ctx.CancellationToken), "surveyId", "survey");
        return survey is null ? null : await ctx.AsStaffAsync(survey.OrganisationId, Permission.ManageSurveys, run);
    }
}
