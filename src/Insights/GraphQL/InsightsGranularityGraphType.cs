using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>How a date range is cut into periods.</summary>
internal sealed class InsightsGranularityGraphType : EnumerationGraphType<InsightsGranularity>
{
    public InsightsGranularityGraphType() => Name = "InsightsGranularity";
}
