using Engagement.Core.Moderation;
using GraphQL.Types;

namespace Engagement.Moderation.GraphQL;

/// <summary>Why a citizen reports a comment.</summary>
internal sealed class ReportReasonGraphType : EnumerationGraphType<ReportReason>
{
    public ReportReasonGraphType() => Name = "ReportReason";
}
