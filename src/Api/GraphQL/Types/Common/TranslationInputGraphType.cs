using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Common;

/// <summary>One language's version of a text, as sent by clients.</summary>
internal sealed class TranslationInputGraphType : InputObjectGraphType<TranslationInput>
{
    public TranslationInputGraphType()
    {
        Name = "TranslationInput";
        Field(x => x.Language);
        Field(x => x.Text);
    }
}

/// <summary>The bound form of <see cref="TranslationInputGraphType"/>.</summary>
public sealed class TranslationInput
{
    public string Language { get; set; } = "";
    public string Text { get; set; } = "";
}
