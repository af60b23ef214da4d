using Engagement.GraphQL;
using Engagement.GraphQL.Access;
using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Staff;
using Engagement.Core.Widgets;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Widgets;

/// <summary>Mutations for widget keys; keys are read through Service.widgetKeys.</summary>
internal sealed class WidgetFields : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query)
    {
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<WidgetKeyGraphType>("createWidgetKey")
            .Description("Creates an enabled widget key for a service. Admins only.")
            .Argument<NonNullGraphType<CreateWidgetKeyInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CreateWidgetKeyInput>("input");
                var service = await ctx.LoadAsync(() => ctx.Use<Core.Organisations.IServiceStore>().GetAsync(input.ServiceId, ctx.CancellationToken), "serviceId", "service");
                if (service is null)
                    return null;
                return await ctx.AsStaffAsync(service.OrganisationId, Permission.ManageServices, access => ctx.Use<CreateWidgetKey>().ExecuteAsync(
                    new CreateWidgetKey.Request(service.Id, input.AllowedOrigins, input.PagePattern, input.Question.ToLocalized("question"), input.Language,
                        input.ShowAverage ?? false),
                    access.Actor, ctx.CancellationToken));
            });

        mutation.Field<WidgetKeyGraphType>("updateWidgetKey")
            .Description("Changes a widget key's origins, page pattern, wording, language or average display. Admins only.")
            .Argument<NonNullGraphType<UpdateWidgetKeyInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<UpdateWidgetKeyInput>("input");
                var key = await ctx.LoadAsync(() => ctx.Use<IWidgetKeyStore>().GetAsync(input.Id, ctx.CancellationToken), "id", "widget key");
                if (key is null)
                    return null;
                return await ctx.AsStaffAsync(key.OrganisationId, Permission.ManageServices, access => ctx.Use<UpdateWidgetKey>().ExecuteAsync(
                    new UpdateWidgetKey.Request(key.Id, input.AllowedOrigins, input.PagePattern, input.Question.ToLocalized("question"), input.Language,
                        input.ShowAverage),
                    access.Actor, ctx.CancellationToken));
            });

        mutation.Field<WidgetKeyGraphType>("setWidgetKeyEnabled")
            .Description("Disables a widget key (its widgets stop working at once) or enables it again. Admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<BooleanGraphType>>("enabled")
            .ResolveAsync(async ctx =>
            {
                var id = ctx.GetArgument<string>("id");
                var key = await ctx.LoadAsync(() => ctx.Use<IWidgetKeyStore>().GetAsync(id, ctx.CancellationToken), "id", "widget key");
                if (key is null)
                    return null;
                return await ctx.AsStaffAsync(key.OrganisationId, Permission.ManageServices, access => ctx.Use<SetWidgetKeyEnabled>().ExecuteAsync(
                    new SetWidgetKeyEnabled.Request(key.Id, ctx.GetArgument<bool>("enabled")), access.Actor, ctx.CancellationToken));
            });
    }
}
