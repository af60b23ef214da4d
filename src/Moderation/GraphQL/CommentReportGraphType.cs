using Engagement.Core.Moderation;
using GraphQL.Types;

namespace Engagement.Moderation.GraphQL;

/// <summary>A report as the participant who made it sees it.</summary>
internal sealed class CommentReportGraphType : ObjectGraphType<CommentReport>
{
    public CommentReportGraphType()
    {
        Name = "CommentReport";
        Field(x => x.CommentId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ReportReasonGraphType>>("reason").Resolve(ctx => ctx.Source.Reason);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("reportedAt").Resolve(ctx => ctx.Source.At);
    }
}
