using Engagement.Core.Comments;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Comments;

/// <summary>Where a comment stands in moderation.</summary>
internal sealed class CommentStatusGraphType : EnumerationGraphType<CommentStatus>
{
    public CommentStatusGraphType()
    {
        Name = "CommentStatus";
    }
}
