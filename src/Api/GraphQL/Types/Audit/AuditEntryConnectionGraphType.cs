using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Audit;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Audit;

/// <summary>A page of the audit trail.</summary>
internal sealed class AuditEntryConnectionGraphType : ObjectGraphType<Connection<AuditEntry>>
{
    public AuditEntryConnectionGraphType()
    {
        Name = "AuditEntryConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("nodes").Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(ctx => ctx.Source.PageInfo);
    }
}
