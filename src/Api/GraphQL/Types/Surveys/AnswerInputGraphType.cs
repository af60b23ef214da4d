using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>An answer to one question: set the one part that matches the question's type.</summary>
internal sealed class AnswerInputGraphType : InputObjectGraphType<AnswerInput>
{
    public AnswerInputGraphType()
    {
        Name = "AnswerInput";
        Field(x => x.QuestionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Choices, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Option ids, for choice questions.");
        Field(x => x.Number, nullable: true).Description("For rating (1–5) and NPS (0–10) questions.");
        Field(x => x.YesNo, nullable: true);
        Field(x => x.Text, nullable: true).Description("For short and long text questions.");
    }
}

/// <summary>The bound form of <see cref="AnswerInputGraphType"/>.</summary>
public sealed class AnswerInput
{
    public string QuestionId { get; set; } = "";
    public List<string>? Choices { get; set; }
    public int? Number { get; set; }
    public bool? YesNo { get; set; }
    public string? Text { get; set; }

    public Answer ToAnswer() => new() { Choices = Choices, Number = Number, YesNo = YesNo, Text = Text };
}
