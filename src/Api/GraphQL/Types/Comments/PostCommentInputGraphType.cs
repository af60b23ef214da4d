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
}
