using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>The lifecycle of a survey.</summary>
internal sealed class SurveyStatusGraphType : EnumerationGraphType<SurveyStatus>
{
    public SurveyStatusGraphType()
    {
        Name = "SurveyStatus";
    }
}
