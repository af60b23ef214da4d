using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Consultations;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Consultations;

/// <summary>What a new consultation needs: a title in every language; the rest can come before it opens.</summary>
internal sealed class CreateConsultationInputGraphType : InputObjectGraphType<CreateConsultationInput>
{
    public CreateConsultationInputGraphType()
    {
        Name = "CreateConsultationInput";
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Slug);
        Field(x => x.Title, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TranslationInputGraphType>>>));
        Field(x => x.Summary, type: typeof(ListGraphType<NonNullGraphType<TranslationInputGraphType>>));
        Field(x => x.Body, type: typeof(ListGraphType<NonNullGraphType<TranslationInputGraphType>>));
        Field(x => x.IdentityPolicy, type: typeof(IdentityPolicyGraphType));
        Field(x => x.OpensAt, nullable: true);
        Field(x => x.ClosesAt, nullable: true);
    }
}

/// <summary>The bound form of <see cref="CreateConsultationInputGraphType"/>.</summary>
public sealed class CreateConsultationInput
{
    public string OrganisationId { get; set; } = "";
    public string Slug { get; set; } = "";
    public List<TranslationInput> Title { get; set; } = [];
    public List<TranslationInput>? Summary { get; set; }
    public List<TranslationInput>? Body { get; set; }
    public IdentityPolicy? IdentityPolicy { get; set; }
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }
}
