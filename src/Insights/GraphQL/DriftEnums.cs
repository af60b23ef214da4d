using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>What a drift alert watches.</summary>
internal sealed class DriftSubjectGraphType : EnumerationGraphType<DriftSubject>
{
    public DriftSubjectGraphType() => Name = "DriftSubject";
}

/// <summary>Which figure moved.</summary>
internal sealed class DriftMetricGraphType : EnumerationGraphType<DriftMetric>
{
    public DriftMetricGraphType() => Name = "DriftMetric";
}
