using Engagement.Core.Comments;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Comments;

/// <summary>The comment's counts after a reaction, and the participant's reaction now.</summary>
internal sealed class ReactionResultGraphType : ObjectGraphType<ReactToComment.Reacted>
{
    public ReactionResultGraphType()
    {
        Name = "ReactionResult";
        Field(x => x.CommentId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<ReactionGraphType>("reaction").Resolve(ctx => ctx.Source.Reaction);
        Field<NonNullGraphType<IntGraphType>>("agreeCount").Resolve(ctx => (int)ctx.Source.Agree);
        Field<NonNullGraphType<IntGraphType>>("disagreeCount").Resolve(ctx => (int)ctx.Source.Disagree);
    }
}
