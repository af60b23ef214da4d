using Engagement.Core.Comments;
using Engagement.Core.Tallies;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Consultations;

/// <summary>A consultation's live comment counts, read off its tally.</summary>
internal sealed class CommentCountsGraphType : ObjectGraphType<Tally>
{
    public CommentCountsGraphType()
    {
        Name = "CommentCounts";
        Field<NonNullGraphType<IntGraphType>>("comments").Description("Published top-level comments.")
            .Resolve(ctx => (int)ctx.Source[CommentTallies.StatusBucket(false, CommentStatus.Published)]);
        Field<NonNullGraphType<IntGraphType>>("replies").Description("Published replies.")
            .Resolve(ctx => (int)ctx.Source[CommentTallies.StatusBucket(true, CommentStatus.Published)]);
    }
}
