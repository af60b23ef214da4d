using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>Why a score is not the model's plain reading of the whole text.</summary>
internal sealed class SentimentNoteGraphType : EnumerationGraphType<SentimentNote>
{
    public SentimentNoteGraphType() => Name = "SentimentNote";
}
