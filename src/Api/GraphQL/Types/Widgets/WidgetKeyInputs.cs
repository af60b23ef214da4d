using Engagement.Api.GraphQL.Types.Common;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Widgets;

/// <summary>A new widget key for a service.</summary>
internal sealed class CreateWidgetKeyInputGraphType : InputObjectGraphType<CreateWidgetKeyInput>
{
    public CreateWidgetKeyInputGraphType()
    {
        Name = "CreateWidgetKeyInput";
        Field(x => x.ServiceId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.AllowedOrigins, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(x => x.PagePattern, nullable: true);
        Field(x => x.Question, type: typeof(ListGraphType<NonNullGraphType<TranslationInputGraphType>>));
        Field(x => x.Language, nullable: true);
        Field(x => x.ShowAverage, nullable: true).Description("Default false.");
    }
}

/// <summary>The bound form of <see cref="CreateWidgetKeyInputGraphType"/>.</summary>
public sealed class CreateWidgetKeyInput
{
    public string ServiceId { get; set; } = "";
    public List<string> AllowedOrigins { get; set; } = [];
    public string? PagePattern { get; set; }
    public List<TranslationInput>? Question { get; set; }
    public string? Language { get; set; }
    public bool? ShowAverage { get; set; }
}

/// <summary>Changes to a widget key; an omitted field stays as it is, an empty page pattern or language removes it.</summary>
internal sealed class UpdateWidgetKeyInputGraphType : InputObjectGraphType<UpdateWidgetKeyInput>
{
    public UpdateWidgetKeyInputGraphType()
    {
        Name = "UpdateWidgetKeyInput";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.AllowedOrigins, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>));
        Field(x => x.PagePattern, nullable: true);
        Field(x => x.Question, type: typeof(ListGraphType<NonNullGraphType<TranslationInputGraphType>>));
        Field(x => x.Language, nullable: true);
        Field(x => x.ShowAverage, nullable: true);
    }
}

/// <summary>The bound form of <see cref="UpdateWidgetKeyInputGraphType"/>.</summary>
public sealed class UpdateWidgetKeyInput
{
    public string Id { get; set; } = "";
    public List<string>? AllowedOrigins { get; set; }
    public string? PagePattern { get; set; }
    public List<TranslationInput>? Question { get; set; }
    public string? Language { get; set; }
    public bool? ShowAverage { get; set; }
}
