using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Consultations;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Consultations;

/// <summary>Every editable field of a consultation, replaced as a whole; omitted dates are cleared.</summary>
internal sealed class UpdateConsultationInputGraphType : InputObjectGraphType<UpdateConsultationInput>
{
    public UpdateConsultationInputGraphType()
    {
        Name = "UpdateConsultationInput";
        Field(x => x.ConsultationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Title, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TranslationInputGraphType>>>));
        Field(x => x.Summary, type: typeof(ListGraphType<NonNullGraphType<TranslationInputGraphType>>));
        Field(x => x.Body, type: typeof(ListGraphType<NonNullGraphType<TranslationInputGraphType>>));
        Field(x => x.IdentityPolicy, type: typeof(NonNullGraphType<IdentityPolicyGraphType>));
        Field(x => x.OpensAt, nullable: true);
        Field(x => x.ClosesAt, nullable: true);
        Field(x => x.ExpectedVersion, nullable: true);
    }
}

/// <summary>The bound form of <see cref="UpdateConsultationInputGraphType"/>.</summary>
public sealed class UpdateConsultationInput
{
    public string ConsultationId { get; set; } = "";
    public List<TranslationInput> Title { get; set; } = [];
    public List<TranslationInput>? Summary { get; set; }
    public List<TranslationInput>? Body { get; set; }
    public IdentityPolicy IdentityPolicy { get; set; }
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }
    public int? ExpectedVersion { get; set; }
}
