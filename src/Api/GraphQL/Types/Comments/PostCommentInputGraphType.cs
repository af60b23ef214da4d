using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Comments;

/// <summary>A comment, or a reply when parentId names a top-level comment.</summary>
internal sealed class PostCommentInputGraphType : InputObjectGraphType<PostCommentInput>
{
    public PostCommentInputGraphType()
    {
        Name = "PostCommentInput";
        Field(x => x.ConsultationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ParticipantToken);
        Field(x => x.Text);
        Field(x => x.Language);
        Field(x => x.ParentId, type: typeof(IdGraphType));
        Field(x => x.FollowUpEmail, nullable: true).Description("Where to say what this feedback led to (\"you said, we did\"); kept for that alone and deleted once used or after the retention period.");
    }
}

/// <summary>The bound form of <see cref="PostCommentInputGraphType"/>.</summary>
public sealed class PostCommentInput
{
    public string ConsultationId { get; set; } = "";
    public string ParticipantToken { get; set; } = "";
    public string Text { get; set; } = "";
    public string Language { get; set; } = "";
    public string? ParentId { get; set; }
    public string? FollowUpEmail { get; set; }
}
