using Engagement.Api.GraphQL.Types.Comments;
using Engagement.Core.Comments;
using Engagement.Core.Ratings;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Ratings;

/// <summary>One rating of a service.</summary>
internal sealed class RatingGraphType : ObjectGraphType<ServiceRating>
{
    public RatingGraphType()
    {
        Name = "Rating";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ServiceId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Score);
        Field<StringGraphType>("comment")
            .Description("The comment as screening left it; null when none was given or it is not published (held or refused by screening).")
            .Resolve(ctx => ctx.Source.CommentStatus == CommentStatus.Published ? ctx.Source.Comment : null);
        Field<CommentStatusGraphType>("commentStatus").Description("What screening decided about the comment; null when there was none.")
            .Resolve(ctx => ctx.Source.CommentStatus);
        Field(x => x.WidgetKeyId, type: typeof(IdGraphType)).Description("The widget key the rating came through, if any.");
        Field(x => x.PageUrl, nullable: true);
        Field(x => x.Language);
        Field(x => x.CreatedAt);
    }
}
