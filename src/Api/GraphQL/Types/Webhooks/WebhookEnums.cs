using Engagement.Core.Backlog;
using Engagement.Core.Webhooks;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Webhooks;

/// <summary>The backlog events a webhook can receive.</summary>
internal sealed class BacklogEventKindGraphType : EnumerationGraphType<BacklogEventKind>
{
    public BacklogEventKindGraphType() => Name = "BacklogEventKind";
}

/// <summary>Where a webhook delivery stands.</summary>
internal sealed class WebhookDeliveryStatusGraphType : EnumerationGraphType<WebhookDeliveryStatus>
{
    public WebhookDeliveryStatusGraphType() => Name = "WebhookDeliveryStatus";
}
