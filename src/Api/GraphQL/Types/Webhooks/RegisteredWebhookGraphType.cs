using Engagement.Core.Webhooks;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Webhooks;

/// <summary>A new webhook with its signing secret, shown this once and never again.</summary>
internal sealed class RegisteredWebhookGraphType : ObjectGraphType<RegisterWebhook.Registered>
{
    public RegisteredWebhookGraphType()
    {
        Name = "RegisteredWebhook";
        Field<NonNullGraphType<WebhookGraphType>>("webhook").Resolve(ctx => ctx.Source.Webhook);
        Field<NonNullGraphType<StringGraphType>>("secret")
            .Description("The key of each delivery's X-Engagement-Signature (HMAC-SHA256 over \"{t}.{body}\"). Shown once.")
            .Resolve(ctx => ctx.Source.Secret);
    }
}
