using Engagement.Core.Webhooks;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Webhooks;

/// <summary>One backlog event on its way to a webhook: what was posted and how it went.</summary>
internal sealed class WebhookDeliveryGraphType : ObjectGraphType<WebhookDelivery>
{
    public WebhookDeliveryGraphType()
    {
        Name = "WebhookDelivery";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Sent as X-Engagement-Delivery, the same on every try.");
        Field("webhookId", x => x.EndpointId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Event).Description("Such as backlog.created or backlog.status_changed.");
        Field<NonNullGraphType<WebhookDeliveryStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status);
        Field(x => x.Attempts).Description("Tries made so far.");
        Field<DateTimeOffsetGraphType>("nextAttemptAt").Description("When it is tried next; null unless pending.")
            .Resolve(ctx => ctx.Source.Status == WebhookDeliveryStatus.Pending ? ctx.Source.NextAttemptAt : null);
        Field(x => x.LastError, nullable: true).Description("Why the last try failed.");
        Field(x => x.LastStatusCode, nullable: true).Description("The HTTP status the receiver last answered.");
        Field(x => x.DeliveredAt, nullable: true);
        Field(x => x.CreatedAt);
        Field(x => x.Payload).Description("The JSON body posted, exactly.");
    }
}
