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
        Field(x => x.Comment, nullable: true);
        Field(x => x.PageUrl, nullable: true);
        Field(x => x.Language);
        Field(x => x.CreatedAt);
    }
}
