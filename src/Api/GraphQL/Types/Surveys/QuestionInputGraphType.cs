using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>One question of a survey being created or edited.</summary>
internal sealed class QuestionInputGraphType : InputObjectGraphType<QuestionInput>
{
    public QuestionInputGraphType()
    {
        Name = "QuestionInput";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Type, type: typeof(NonNullGraphType<QuestionTypeGraphType>));
        Field(x => x.Prompt, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TranslationInputGraphType>>>));
        Field(x => x.Required, nullable: true);
        Field(x => x.Options, type: typeof(ListGraphType<NonNullGraphType<QuestionOptionInputGraphType>>));
        Field(x => x.ShowIf, type: typeof(ShowIfRuleInputGraphType));
    }
}

/// <summary>The bound form of <see cref="QuestionInputGraphType"/>.</summary>
public sealed class QuestionInput
{
    public string Id { get; set; } = "";
    public QuestionType Type { get; set; }
    public List<TranslationInput> Prompt { get; set; } = [];
    public bool? Required { get; set; }
    public List<QuestionOptionInput>? Options { get; set; }
    public ShowIfRuleInput? ShowIf { get; set; }

    public Question ToQuestion(int index) => new()
    {
        Id = Id,
        Type = Type,
        Prompt = Prompt.ToLocalized($"questions[{index}].prompt") ?? Core.Common.LocalizedText.Empty,
        Required = Required ?? false,
        Options = (Options ?? []).Select((o, j) => new QuestionOption(o.Id, o.Label.ToLocalized($"questions[{index}].options[{j}].label") ?? Core.Common.LocalizedText.Empty)).ToList(),
        ShowIf = ShowIf is null ? null : new ShowIfRule(ShowIf.QuestionId, ShowIf.Operator, ShowIf.Value),
    };
}
