using Engagement.Api.GraphQL.Types.Common;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>An option of a choice question being created or edited.</summary>
internal sealed class QuestionOptionInputGraphType : InputObjectGraphType<QuestionOptionInput>
{
    public QuestionOptionInputGraphType()
    {
        Name = "QuestionOptionInput";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Label, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TranslationInputGraphType>>>));
    }
}

/// <summary>The bound form of <see cref="QuestionOptionInputGraphType"/>.</summary>
public sealed class QuestionOptionInput
{
    public string Id { get; set; } = "";
    public List<TranslationInput> Label { get; set; } = [];
}
