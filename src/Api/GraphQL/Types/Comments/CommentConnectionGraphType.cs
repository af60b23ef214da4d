using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Comments;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Comments;

/// <summary>A page of a consultation's comment thread.</summary>
internal sealed class CommentConnectionGraphType : ObjectGraphType<Connection<ListComments.Item>>
{
    public CommentConnectionGraphType()
    {
        Name = "CommentConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommentGraphType>>>>("nodes").Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(ctx => ctx.Source.PageInfo);
    }
}
