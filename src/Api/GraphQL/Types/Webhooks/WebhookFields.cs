using Engagement.Core.Common;
using Engagement.Core.Staff;
using Engagement.Core.Webhooks;
using Engagement.GraphQL;
using Engagement.GraphQL.Access;
using Engagement.GraphQL.Errors;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Webhooks;

/// <summary>Webhooks for backlog events: an organisation's webhooks, their deliveries, and what admins do with them.</summary>
internal sealed class WebhookFields : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query)
    {
        query.Field<ListGraphType<NonNullGraphType<WebhookGraphType>>>("webhooks")
            .Description($"An organisation's webhooks, disabled ones included, oldest first (at most {RegisterWebhook.MaxPerOrganisation}). Admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("organisationId")
            .ResolveAsync(async ctx =>
            {
                var organisationId = ctx.GetArgument<string>("organisationId");
                if (await ctx.RequireAsync(organisationId, Permission.ManageWebhooks) is null)
                    return null;
                return await ctx.Use<IWebhookStore>().ListEndpointsAsync(organisationId, ctx.CancellationToken);
            });

        query.Field<ListGraphType<NonNullGraphType<WebhookDeliveryGraphType>>>("webhookDeliveries")
            .Description("A webhook's deliveries, newest first, optionally in one status (FAILED: those given up on). Admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("webhookId")
            .Argument<WebhookDeliveryStatusGraphType>("status")
            .Argument<IntGraphType>("first", $"Default 20, at most {ListWebhookDeliveries.MaxPage}.")
            .ResolveAsync(async ctx =>
            {
                var webhook = await LoadAsync(ctx, ctx.GetArgument<string>("webhookId"), "webhookId");
                if (webhook is null || await ctx.RequireAsync(webhook.OrganisationId, Permission.ManageWebhooks) is null)
                    return null;
                return (await ctx.Use<ListWebhookDeliveries>().ExecuteAsync(
                    new ListWebhookDeliveries.Request(webhook.Id, ctx.GetArgument<WebhookDeliveryStatus?>("status"), ctx.GetArgument("first", 20)), ctx.CancellationToken))
                    .ValueOrErrors(ctx);
            });
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<RegisteredWebhookGraphType>("registerWebhook")
            .Description("Registers an enabled webhook for the organisation's backlog events; its signing secret is in the answer, this once. Admins only.")
            .Argument<NonNullGraphType<RegisterWebhookInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RegisterWebhookInput>("input");
                return await ctx.AsStaffAsync(input.OrganisationId, Permission.ManageWebhooks, access => ctx.Use<RegisterWebhook>().ExecuteAsync(
                    new RegisterWebhook.Request(input.OrganisationId, input.Url, input.Events, input.Description), access.Actor, ctx.CancellationToken));
            });

        mutation.Field<WebhookGraphType>("updateWebhook")
            .Description("Changes a webhook's address, events or description; its secret stays. Admins only.")
            .Argument<NonNullGraphType<UpdateWebhookInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<UpdateWebhookInput>("input");
                return await ActAsync(ctx, input.Id, "id", (webhook, access) => ctx.Use<UpdateWebhook>().ExecuteAsync(
                    new UpdateWebhook.Request(webhook.Id, input.Url, input.Events, input.Description), access.Actor, ctx.CancellationToken));
            });

        mutation.Field<WebhookGraphType>("setWebhookEnabled")
            .Description("Disables a webhook (no new deliveries; those waiting fail) or enables it again. Admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<BooleanGraphType>>("enabled")
            .ResolveAsync(async ctx => await ActAsync(ctx, ctx.GetArgument<string>("id"), "id", (webhook, access) => ctx.Use<SetWebhookEnabled>().ExecuteAsync(
                new SetWebhookEnabled.Request(webhook.Id, ctx.GetArgument<bool>("enabled")), access.Actor, ctx.CancellationToken)));

        mutation.Field<WebhookGraphType>("deleteWebhook")
            .Description("Deletes a webhook and its deliveries; returns it as it was. Admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ActAsync(ctx, ctx.GetArgument<string>("id"), "id", (webhook, access) => ctx.Use<DeleteWebhook>().ExecuteAsync(
                new DeleteWebhook.Request(webhook.Id), access.Actor, ctx.CancellationToken)));

        mutation.Field<WebhookDeliveryGraphType>("retryWebhookDelivery")
            .Description("Sends a FAILED delivery again, with the same id and body and a fresh run of attempts; its webhook must be enabled. Admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var delivery = await ctx.LoadAsync(() => ctx.Use<IWebhookStore>().GetDeliveryAsync(ctx.GetArgument<string>("id"), ctx.CancellationToken), "id", "webhook delivery");
                return delivery is null ? null : await ctx.AsStaffAsync(delivery.OrganisationId, Permission.ManageWebhooks,
                    access => ctx.Use<RetryWebhookDelivery>().ExecuteAsync(new RetryWebhookDelivery.Request(delivery.Id), access.Actor, ctx.CancellationToken));
            });
    }

    private static Task<WebhookEndpoint?> LoadAsync(IResolveFieldContext ctx, string id, string field) =>
        ctx.LoadAsync(() => ctx.Use<IWebhookStore>().GetEndpointAsync(id, ctx.CancellationToken), field, "webhook");

    // Loads the webhook to learn its organisation, then runs the action as its staff with ManageWebhooks.
    private static async Task<WebhookEndpoint?> ActAsync(
        IResolveFieldContext ctx, string id, string field, Func<WebhookEndpoint, StaffAccess, Task<Result<WebhookEndpoint>>> act)
    {
        var webhook = await LoadAsync(ctx, id, field);
        return webhook is null ? null : await ctx.AsStaffAsync(webhook.OrganisationId, Permission.ManageWebhooks, access => act(webhook, access));
    }
}
