using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>How a show-if rule compares the earlier answer.</summary>
internal sealed class ShowIfOperatorGraphType : EnumerationGraphType<ShowIfOperator>
{
    public ShowIfOperatorGraphType()
    {
        Name = "ShowIfOperator";
    }
}
