using Engagement.GraphQL;
using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Organisations;

/// <summary>Root fields for organisations and their services.</summary>
internal sealed class OrganisationFields : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationGraphType>>>>("organisations")
            .Description("Every organisation, by slug.")
            .ResolveAsync(async ctx => await ctx.Use<IOrganisationStore>().ListAsync(ctx.CancellationToken));

        query.Field<OrganisationGraphType>("organisation")
            .Description("One organisation, by id or by slug.")
            .Argument<IdGraphType>("id")
            .Argument<StringGraphType>("slug")
            .ResolveAsync(async ctx =>
            {
                var store = ctx.Use<IOrganisationStore>();
                return ctx.GetArgument<string?>("id") is { } id ? await store.GetAsync(id, ctx.CancellationToken)
                    : ctx.GetArgument<string?>("slug") is { } slug ? await store.GetBySlugAsync(slug, ctx.CancellationToken)
                    : null;
            });

        query.Field<ServiceGraphType>("service")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.Use<IServiceStore>().GetAsync(ctx.GetArgument<string>("id"), ctx.CancellationToken));
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<ServiceGraphType>("createService")
            .Description("Adds a service to an organisation. Admins only.")
            .Argument<NonNullGraphType<CreateServiceInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CreateServiceInput>("input");
                return await ctx.AsStaffAsync(input.OrganisationId, Permission.ManageServices, access => ctx.Use<CreateService>().ExecuteAsync(
                    new CreateService.Request(input.OrganisationId, input.Slug, input.Name.ToLocalized("name")!, input.Description.ToLocalized("description")),
                    access.Actor, ctx.CancellationToken));
            });

        mutation.Field<ServiceGraphType>("updateService")
            .Description("Renames a service or changes its description. Admins only.")
            .Argument<NonNullGraphType<UpdateServiceInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<UpdateServiceInput>("input");
                var service = await ctx.LoadAsync(() => ctx.Use<IServiceStore>().GetAsync(input.ServiceId, ctx.CancellationToken), "serviceId", "service");
                if (service is null)
                    return null;
                return await ctx.AsStaffAsync(service.OrganisationId, Permission.ManageServices, access => ctx.Use<UpdateService>().ExecuteAsync(
                    new UpdateService.Request(service.Id, input.Name.ToLocalized("name")!, input.Description.ToLocalized("description")),
                    access.Actor, ctx.CancellationToken));
            });
    }
}
