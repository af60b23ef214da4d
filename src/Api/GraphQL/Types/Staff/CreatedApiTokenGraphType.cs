using Engagement.Core.ApiTokens;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Staff;

/// <summary>A new API token with its secret, shown this once and never again.</summary>
internal sealed class CreatedApiTokenGraphType : ObjectGraphType<CreateApiToken.Created>
{
    public CreatedApiTokenGraphType()
    {
        Name = "CreatedApiToken";
        Field<NonNullGraphType<ApiTokenGraphType>>("token").Resolve(ctx => ctx.Source.Token);
        Field<NonNullGraphType<StringGraphType>>("secret").Description("Send as `Authorization: Bearer <secret>`. Shown once.").Resolve(ctx => ctx.Source.Secret);
    }
}
