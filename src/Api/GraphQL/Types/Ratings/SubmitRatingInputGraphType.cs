using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Ratings;

/// <summary>A rating of a service from 1 to 5, with an optional comment.</summary>
internal sealed class SubmitRatingInputGraphType : InputObjectGraphType<SubmitRatingInput>
{
    public SubmitRatingInputGraphType()
    {
        Name = "SubmitRatingInput";
        Field(x => x.ServiceId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Score);
        Field(x => x.Language);
        Field(x => x.Comment, nullable: true);
        Field(x => x.PageUrl, nullable: true);
        Field(x => x.ParticipantToken, nullable: true);
        Field(x => x.FollowUpEmail, nullable: true).Description("Where to say what this feedback led to (\"you said, we did\"); kept for that alone and deleted once used or after the retention period. Kept only with a comment.");
    }
}

/// <summary>The bound form of <see cref="SubmitRatingInputGraphType"/>.</summary>
public sealed class SubmitRatingInput
{
    public string ServiceId { get; set; } = "";
    public int Score { get; set; }
    public string Language { get; set; } = "";
    public string? Comment { get; set; }
    public string? PageUrl { get; set; }
    public string? ParticipantToken { get; set; }
    public string? FollowUpEmail { get; set; }
}
