using Engagement.Core.Audit;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Audit;

/// <summary>One line of the audit trail.</summary>
internal sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<StringGraphType>>("actor").Description("kind:id, e.g. staff:0192…").Resolve(ctx => ctx.Source.Actor.ToString());
        Field(x => x.Action);
        Field(x => x.TargetType);
        Field(x => x.TargetId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.At);
        Field(x => x.Detail, nullable: true);
    }
}
