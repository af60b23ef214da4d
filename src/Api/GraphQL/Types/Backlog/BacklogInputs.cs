using Engagement.Core.Backlog;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Backlog;

/// <summary>A record to link as evidence.</summary>
internal sealed class EvidenceRefInputGraphType : InputObjectGraphType<EvidenceRefInput>
{
    public EvidenceRefInputGraphType()
    {
        Name = "EvidenceRefInput";
        Field(x => x.Kind, type: typeof(NonNullGraphType<EvidenceKindGraphType>));
        Field(x => x.TargetId, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

/// <summary>The bound form of <see cref="EvidenceRefInputGraphType"/>.</summary>
public sealed class EvidenceRefInput
{
    public EvidenceKind Kind { get; set; }
    public string TargetId { get; set; } = "";

    public EvidenceRef ToRef() => new(Kind, TargetId);
}

/// <summary>A new backlog item.</summary>
internal sealed class CreateBacklogItemInputGraphType : InputObjectGraphType<CreateBacklogItemInput>
{
    public CreateBacklogItemInputGraphType()
    {
        Name = "CreateBacklogItemInput";
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Title);
        Field(x => x.Description, nullable: true);
        Field(x => x.ServiceId, type: typeof(IdGraphType));
        Field(x => x.ConsultationId, type: typeof(IdGraphType));
        Field(x => x.Evidence, type: typeof(ListGraphType<NonNullGraphType<EvidenceRefInputGraphType>>));
    }
}

/// <summary>The bound form of <see cref="CreateBacklogItemInputGraphType"/>.</summary>
public sealed class CreateBacklogItemInput
{
    public string OrganisationId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? ServiceId { get; set; }
    public string? ConsultationId { get; set; }
    public List<EvidenceRefInput>? Evidence { get; set; }
}
