using Engagement.Core.Backlog;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Backlog;

/// <summary>Where an improvement stands.</summary>
internal sealed class BacklogStatusGraphType : EnumerationGraphType<BacklogStatus>
{
    public BacklogStatusGraphType() => Name = "BacklogStatus";
}

/// <summary>What a piece of evidence is.</summary>
internal sealed class EvidenceKindGraphType : EnumerationGraphType<EvidenceKind>
{
    public EvidenceKindGraphType() => Name = "EvidenceKind";
}
