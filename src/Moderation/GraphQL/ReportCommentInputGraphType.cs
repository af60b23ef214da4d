using Engagement.Core.Moderation;
using GraphQL.Types;

namespace Engagement.Moderation.GraphQL;

/// <summary>A participant's report of a published comment, with the reason.</summary>
internal sealed class ReportCommentInputGraphType : InputObjectGraphType<ReportCommentInput>
{
    public ReportCommentInputGraphType()
    {
        Name = "ReportCommentInput";
        Field(x => x.ParticipantToken);
        Field(x => x.CommentId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Reason, type: typeof(NonNullGraphType<ReportReasonGraphType>));
    }
}

/// <summary>The bound form of <see cref="ReportCommentInputGraphType"/>.</summary>
public sealed class ReportCommentInput
{
    public string ParticipantToken { get; set; } = "";
    public string CommentId { get; set; } = "";
    public ReportReason Reason { get; set; }
}
