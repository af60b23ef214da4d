using Engagement.Core.Comments;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Comments;

/// <summary>A published comment or reply, with its agree/disagree counts and the viewer's own reaction.</summary>
internal sealed class CommentGraphType : ObjectGraphType<ListComments.Item>
{
    public CommentGraphType()
    {
        Name = "Comment";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Comment.Id);
        Field<NonNullGraphType<IdGraphType>>("consultationId").Resolve(ctx => ctx.Source.Comment.ConsultationId);
        Field<IdGraphType>("parentId").Resolve(ctx => ctx.Source.Comment.ParentId);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(ctx => ctx.Source.Comment.Text);
        Field<NonNullGraphType<StringGraphType>>("language").Resolve(ctx => ctx.Source.Comment.Language);
        Field<NonNullGraphType<CommentStatusGraphType>>("status").Resolve(ctx => ctx.Source.Comment.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(ctx => ctx.Source.Comment.CreatedAt);
        Field<NonNullGraphType<IntGraphType>>("agreeCount").Resolve(ctx => (int)ctx.Source.Agree);
        Field<NonNullGraphType<IntGraphType>>("disagreeCount").Resolve(ctx => (int)ctx.Source.Disagree);
        Field<ReactionGraphType>("myReaction").Description("Your reaction, when the list was asked for with your participant token.")
            .Resolve(ctx => ctx.Source.MyReaction);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommentGraphType>>>>("replies").Resolve(ctx => ctx.Source.Replies);
    }
}
