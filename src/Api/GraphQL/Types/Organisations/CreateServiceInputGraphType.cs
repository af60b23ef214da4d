using Engagement.Api.GraphQL.Types.Common;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Organisations;

/// <summary>A new service of an organisation; its slug never changes afterwards.</summary>
internal sealed class CreateServiceInputGraphType : InputObjectGraphType<CreateServiceInput>
{
    public CreateServiceInputGraphType()
    {
        Name = "CreateServiceInput";
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Slug);
        Field(x => x.Name, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TranslationInputGraphType>>>));
        Field(x => x.Description, type: typeof(ListGraphType<NonNullGraphType<TranslationInputGraphType>>));
    }
}

/// <summary>The bound form of <see cref="CreateServiceInputGraphType"/>.</summary>
public sealed class CreateServiceInput
{
    public string OrganisationId { get; set; } = "";
    public string Slug { get; set; } = "";
    public List<TranslationInput> Name { get; set; } = [];
    public List<TranslationInput>? Description { get; set; }
}
