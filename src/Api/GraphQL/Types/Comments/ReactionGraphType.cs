using Engagement.Core.Comments;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Comments;

/// <summary>Agree or disagree with a comment.</summary>
internal sealed class ReactionGraphType : EnumerationGraphType<Reaction>
{
    public ReactionGraphType()
    {
        Name = "Reaction";
    }
}
