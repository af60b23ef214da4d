using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>What a text says about the service.</summary>
internal sealed class SentimentLabelGraphType : EnumerationGraphType<SentimentLabel>
{
    public SentimentLabelGraphType() => Name = "SentimentLabel";
}
