using Engagement.Core.Backlog;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Backlog;

/// <summary>One piece of evidence behind a backlog item.</summary>
internal sealed class EvidenceGraphType : ObjectGraphType<Evidence>
{
    public EvidenceGraphType()
    {
        Name = "Evidence";
        Field<NonNullGraphType<EvidenceKindGraphType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("targetId").Description("The comment's or rating's id, responseId/questionId, or the theme's or alert's id.").Resolve(ctx => ctx.Source.TargetId);
        Field(x => x.Weight).Description("How many texts it stands for.");
        Field(x => x.NegativeShare, nullable: true).Description("Share of those texts read as negative, 0 to 1; null when unknown.");
        Field(x => x.Excerpt, nullable: true);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(ctx => ctx.Source.At);
        Field(x => x.AddedBy);
    }
}
