using Engagement.Api.GraphQL.Types.Common;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Organisations;

/// <summary>A service's new name and description.</summary>
internal sealed class UpdateServiceInputGraphType : InputObjectGraphType<UpdateServiceInput>
{
    public UpdateServiceInputGraphType()
    {
        Name = "UpdateServiceInput";
        Field(x => x.ServiceId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TranslationInputGraphType>>>));
        Field(x => x.Description, type: typeof(ListGraphType<NonNullGraphType<TranslationInputGraphType>>));
    }
}

/// <summary>The bound form of <see cref="UpdateServiceInputGraphType"/>.</summary>
public sealed class UpdateServiceInput
{
    public string ServiceId { get; set; } = "";
    public List<TranslationInput> Name { get; set; } = [];
    public List<TranslationInput>? Description { get; set; }
}
