using Engagement.Api.GraphQL.Types.Common;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Organisations;

/// <summary>A service's name and description; with organisationId and slug when creating it.</summary>
internal sealed class ServiceInputGraphType : InputObjectGraphType<ServiceInput>
{
    public ServiceInputGraphType()
    {
        Name = "ServiceInput";
        Field(x => x.OrganisationId, type: typeof(IdGraphType)).Description("Required when creating.");
        Field(x => x.ServiceId, type: typeof(IdGraphType)).Description("Required when updating.");
        Field(x => x.Slug, nullable: true).Description("Required when creating; never changes.");
        Field(x => x.Name, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TranslationInputGraphType>>>));
        Field(x => x.Description, type: typeof(ListGraphType<NonNullGraphType<TranslationInputGraphType>>));
    }
}

/// <summary>The bound form of <see cref="ServiceInputGraphType"/>.</summary>
public sealed class ServiceInput
{
    public string? OrganisationId { get; set; }
    public string? ServiceId { get; set; }
    public string? Slug { get; set; }
    public List<TranslationInput> Name { get; set; } = [];
    public List<TranslationInput>? Description { get; set; }
}
