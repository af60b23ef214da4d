using Engagement.Core.Comments;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Comments;

/// <summary>Agree, disagree, or (with no reaction) withdraw your reaction to a comment.</summary>
internal sealed class ReactInputGraphType : InputObjectGraphType<ReactInput>
{
    public ReactInputGraphType()
    {
        Name = "ReactInput";
        Field(x => x.CommentId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ParticipantToken);
        Field(x => x.Reaction, type: typeof(ReactionGraphType)).Description("Null withdraws your reaction.");
    }
}

/// <summary>The bound form of <see cref="ReactInputGraphType"/>.</summary>
public sealed class ReactInput
{
    public string CommentId { get; set; } = "";
    public string ParticipantToken { get; set; } = "";
    public Reaction? Reaction { get; set; }
}
