using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>The kinds of survey question.</summary>
internal sealed class QuestionTypeGraphType : EnumerationGraphType<QuestionType>
{
    public QuestionTypeGraphType()
    {
        Name = "QuestionType";
    }
}
