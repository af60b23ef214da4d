using Engagement.GraphQL;
using Engagement.GraphQL.Access;
using Engagement.GraphQL.Batching;
using Engagement.Api.GraphQL.Types.Common;
using Engagement.GraphQL.Errors;
using Engagement.Api.GraphQL.Types.Ratings;
using Engagement.Api.GraphQL.Types.Widgets;
using Engagement.Core.Widgets;
using Engagement.Api.Settings;
using Engagement.Core.Organisations;
using Engagement.Core.Ratings;
using Engagement.Core.Staff;
using Engagement.Core.Tallies;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Organisations;

/// <summary>A public service with its live rating summary; individual ratings for its staff only.</summary>
internal sealed class ServiceGraphType : ObjectGraphType<Service>
{
    public ServiceGraphType(EngagementSettings settings)
    {
        Name = "Service";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Slug);
        Field<NonNullGraphType<LocalizedTextGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<LocalizedTextGraphType>>("description").Resolve(ctx => ctx.Source.Description);
        Field(x => x.CreatedAt);

        // Batched: a list of services costs one tally query in all.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Backlog.ShippedImprovementGraphType>>>>("improvements")
            .Description("Improvements shipped for this service, newest first: \"you said, we did\". Public.")
            .ResolveAsync(async ctx => await ctx.Use<Core.Backlog.ListShippedImprovements>().ExecuteAsync(ctx.Source.OrganisationId, ctx.Source.Id, null, ctx.CancellationToken));
        Field<NonNullGraphType<RatingSummaryGraphType>>("ratingSummary")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<RequestBatches>().Tallies
                .Load(TallyScopes.Service(ctx.Source.Id))
                .Then(tally => RatingSummary.From(ctx.Source.Id, tally)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PageRatingsGraphType>>>>("pageRatings")
            .Description($"Ratings per page of the service's site, the most rated first (at most {ListPageRatings.MaxPages}).")
            .Argument<IntGraphType>("first", "How many pages; default 20.")
            .ResolveAsync(async ctx => (await ctx.Use<ListPageRatings>().ExecuteAsync(
                new ListPageRatings.Request(ctx.Source.Id, ctx.GetArgument("first", 20)), ctx.CancellationToken)).ValueOrErrors(ctx));

        Field<ListGraphType<NonNullGraphType<WidgetKeyGraphType>>>("widgetKeys")
            .Description("The service's widget keys, oldest first. Staff only.")
            .ResolveAsync(async ctx =>
            {
                if (await ctx.RequireAsync(ctx.Source.OrganisationId, Permission.ReadStaffData) is null)
                    return null;
                return await ctx.Use<IWidgetKeyStore>().ListByServiceAsync(ctx.Source.Id, ctx.CancellationToken);
            });

        Field<RatingConnectionGraphType>("ratings")
            .Description("Individual ratings with their comments, oldest first. Staff only.")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .ResolveAsync(async ctx =>
            {
                if (await ctx.RequireAsync(ctx.Source.OrganisationId, Permission.ReadStaffData) is null)
                    return null;
                var page = ctx.Page(settings.GraphQL.MaxPageSize);
                return Connections.From(await ctx.RequestServices!.GetRequiredService<IRatingStore>().ListAsync(ctx.Source.Id, page, ctx.CancellationToken));
            });
    }
}
