using Engagement.Core.Webhooks;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Webhooks;

/// <summary>A webhook as admins see it: never its secret, which is shown once, when it is registered.</summary>
internal sealed class WebhookGraphType : ObjectGraphType<WebhookEndpoint>
{
    public WebhookGraphType()
    {
        Name = "Webhook";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Url).Description("Where deliveries are posted.");
        Field(x => x.Events, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<BacklogEventKindGraphType>>>))
            .Description("The backlog events it receives.");
        Field(x => x.Enabled).Description("A disabled webhook gets no new deliveries, and those still waiting fail.");
        Field(x => x.Description, nullable: true);
        Field(x => x.CreatedAt);
        Field(x => x.UpdatedAt);
    }
}
