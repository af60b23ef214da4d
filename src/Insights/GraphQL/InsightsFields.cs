using Engagement.Core.Common;
using Engagement.Core.Insights;
using Engagement.Core.Staff;
using Engagement.GraphQL;
using Engagement.GraphQL.Access;
using Engagement.GraphQL.Errors;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>Insights' root fields: the sentiment of one text.</summary>
internal sealed class InsightsFields : ISchemaContributor
{
    /// <summary>Longer input is refused outright; up to this, the model reads the beginning and says so.</summary>
    public const int MaxTextLength = 100_000;

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<SentimentScoreGraphType>("sentiment")
            .Description($"The sentiment model's reading of one text (up to {MaxTextLength:N0} characters; the first 5,000 are read). Staff.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .ResolveAsync(async ctx =>
            {
                // Scoring costs CPU, so only staff who read insights somewhere (any organisation) may ask.
                var access = await ctx.AccessAsync();
                if (!access.Grants.Any(g => access.Can(g.OrganisationId, Permission.ReadStaffData)))
                {
                    ctx.Report(access.Grants.Count == 0
                        ? DomainErrors.Refusal(ApiErrorCodes.Unauthenticated, "Sign in as staff to see or do this.")
                        : DomainErrors.Refusal(ApiErrorCodes.Forbidden, "Your role does not allow this."));
                    return null;
                }
                var text = ctx.GetArgument<string>("text");
                if (text.Length > MaxTextLength)
                    throw DomainErrors.ToExecutionError(new Error("text", ErrorCodes.TooLong, $"Send at most {MaxTextLength:N0} characters."));
                return ctx.Use<ISentimentScorer>().Score(text);
            });
    }

    public void AddMutations(ObjectGraphType mutation)
    {
    }
}
