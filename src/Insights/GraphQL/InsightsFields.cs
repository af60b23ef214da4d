using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Surveys;
using GraphQL.Builders;
using Engagement.Core.Insights;
using Engagement.Core.Staff;
using Engagement.GraphQL;
using Engagement.GraphQL.Access;
using Engagement.GraphQL.Errors;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>Insights' root fields: a service's, consultation's or survey's figures over time, and the sentiment of one text.</summary>
internal sealed class InsightsFields : ISchemaContributor
{
    /// <summary>Longer input is refused outright; up to this, the model reads the beginning and says so.</summary>
    public const int MaxTextLength = 100_000;

    public void AddQueries(ObjectGraphType query)
    {
        AddInsights(query);
        AddThemes(query);
        AddDriftAlerts(query);

        query.Field<SentimentScoreGraphType>("sentiment")
            .Description($"The sentiment model's reading of one text (up to {MaxTextLength:N0} characters; the first 5,000 are read). Staff.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .ResolveAsync(async ctx =>
            {
                // Scoring costs CPU, so only staff who read insights somewhere (any organisation) may ask.
                var access = await ctx.AccessAsync();
                if (!access.Grants.Any(g => access.Can(g.OrganisationId, Permission.ReadStaffData)))
                {
                    ctx.Report(access.Grants.Count == 0
                        ? DomainErrors.Refusal(ApiErrorCodes.Unauthenticated, "Sign in as staff to see or do this.")
                        : DomainErrors.Refusal(ApiErrorCodes.Forbidden, "Your role does not allow this."));
                    return null;
                }
                var text = ctx.GetArgument<string>("text");
                if (text.Length > MaxTextLength)
                    throw DomainErrors.ToExecutionError(new Error("text", ErrorCodes.TooLong, $"Send at most {MaxTextLength:N0} characters."));
                return ctx.Use<ISentimentScorer>().Score(text);
            });
    }

    private static void Range<TSource, TReturn>(FieldBuilder<TSource, TReturn> field) => field
        .Argument<DateOnlyGraphType>("from", $"The first day (UTC); default {InsightsRange.DefaultDays - 1} days before `to`.")
        .Argument<DateOnlyGraphType>("to", $"The last day, included; default today. At most {InsightsRange.MaxDays} days in all.")
        .Argument<InsightsGranularityGraphType>("granularity", "Default DAY.");

    private static (DateOnly? From, DateOnly? To, InsightsGranularity Granularity) RangeOf(IResolveFieldContext ctx) =>
        (ctx.GetArgument<DateOnly?>("from"), ctx.GetArgument<DateOnly?>("to"), ctx.GetArgument("granularity", InsightsGranularity.Day));

    private static void AddInsights(ObjectGraphType query)
    {
        var service = query.Field<ServiceInsightsGraphType>("serviceInsights")
            .Description("A service's ratings, satisfaction (with its 95% interval) and comment sentiment, all-time and per period. Staff of its organisation.")
            .Argument<NonNullGraphType<IdGraphType>>("serviceId");
        Range(service);
        service.ResolveAsync(async ctx =>
        {
            var found = await ctx.LoadAsync(() => ctx.Use<IServiceStore>().GetAsync(ctx.GetArgument<string>("serviceId"), ctx.CancellationToken), "serviceId", "service");
            var (from, to, granularity) = RangeOf(ctx);
            return found is null ? null : await ctx.AsStaffAsync(found.OrganisationId, Permission.ReadStaffData,
                _ => ctx.Use<GetServiceInsights>().ExecuteAsync(new(found.Id, from, to, granularity), ctx.CancellationToken));
        });

        var consultation = query.Field<ConsultationInsightsGraphType>("consultationInsights")
            .Description("What a consultation heard: comments received and published, and their sentiment, all-time and per period. Staff of its organisation.")
            .Argument<NonNullGraphType<IdGraphType>>("consultationId");
        Range(consultation);
        consultation.ResolveAsync(async ctx =>
        {
            var found = await ctx.LoadAsync(() => ctx.Use<IConsultationStore>().GetAsync(ctx.GetArgument<string>("consultationId"), ctx.CancellationToken), "consultationId", "consultation");
            var (from, to, granularity) = RangeOf(ctx);
            return found is null ? null : await ctx.AsStaffAsync(found.OrganisationId, Permission.ReadStaffData,
                _ => ctx.Use<GetConsultationInsights>().ExecuteAsync(new(found.Id, from, to, granularity), ctx.CancellationToken));
        });

        var survey = query.Field<SurveyInsightsGraphType>("surveyInsights")
            .Description("A survey's responses, the NPS of each NPS question and the sentiment of its text answers, all-time and per period. Staff of its organisation.")
            .Argument<NonNullGraphType<IdGraphType>>("surveyId");
        Range(survey);
        survey.ResolveAsync(async ctx =>
        {
            var found = await ctx.LoadAsync(() => ctx.Use<ISurveyStore>().GetAsync(ctx.GetArgument<string>("surveyId"), ctx.CancellationToken), "surveyId", "survey");
            var (from, to, granularity) = RangeOf(ctx);
            return found is null ? null : await ctx.AsStaffAsync(found.OrganisationId, Permission.ReadStaffData,
                _ => ctx.Use<GetSurveyInsights>().ExecuteAsync(new(found.Id, from, to, granularity), ctx.CancellationToken));
        });
    }

    private static void AddThemes(ObjectGraphType query) =>
        query.Field<ThemeSnapshotGraphType>("themes")
            .Description("An organisation's themes, learnt in the background from its most recent public texts; null before the first. Staff.")
            .Argument<NonNullGraphType<IdGraphType>>("organisationId")
            .ResolveAsync(async ctx =>
            {
                var organisationId = ctx.GetArgument<string>("organisationId");
                if (await ctx.RequireAsync(organisationId, Permission.ReadStaffData) is null)
                    return null;
                return await ctx.Use<IThemeStore>().GetAsync(organisationId, ctx.CancellationToken);
            });

    /// <summary>The most alerts one query returns.</summary>
    public const int MaxAlerts = 200;

    private static void AddDriftAlerts(ObjectGraphType query) =>
        query.Field<ListGraphType<NonNullGraphType<DriftAlertGraphType>>>("driftAlerts")
            .Description($"An organisation's drift alerts, newest day first, then the largest moves; at most {MaxAlerts}. Staff.")
            .Argument<NonNullGraphType<IdGraphType>>("organisationId")
            .Argument<IntGraphType>("first", "Default 50.")
            .ResolveAsync(async ctx =>
            {
                var organisationId = ctx.GetArgument<string>("organisationId");
                if (await ctx.RequireAsync(organisationId, Permission.ReadStaffData) is null)
                    return null;
                var first = ctx.GetArgument("first", 50);
                if (first is < 1 or > MaxAlerts)
                    throw DomainErrors.ToExecutionError(new Error("first", ErrorCodes.OutOfRange, $"Ask for 1 to {MaxAlerts} alerts."));
                return await ctx.Use<IDriftAlertStore>().ListAsync(organisationId, first, ctx.CancellationToken);
            });

    public void AddMutations(ObjectGraphType mutation)
    {
    }
}
