using Engagement.Api.GraphQL.Types.Common;
using Engagement.Api.GraphQL.Types.Consultations;
using Engagement.Core.Consultations;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>A new survey, created as a draft.</summary>
internal sealed class CreateSurveyInputGraphType : InputObjectGraphType<CreateSurveyInput>
{
    public CreateSurveyInputGraphType()
    {
        Name = "CreateSurveyInput";
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Slug);
        Field(x => x.Title, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TranslationInputGraphType>>>));
        Field(x => x.Description, type: typeof(ListGraphType<NonNullGraphType<TranslationInputGraphType>>));
        Field(x => x.IdentityPolicy, type: typeof(IdentityPolicyGraphType));
        Field(x => x.ConsultationId, type: typeof(IdGraphType));
        Field(x => x.Questions, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<QuestionInputGraphType>>>));
    }
}

/// <summary>The bound form of <see cref="CreateSurveyInputGraphType"/>.</summary>
public sealed class CreateSurveyInput
{
    public string OrganisationId { get; set; } = "";
    public string Slug { get; set; } = "";
    public List<TranslationInput> Title { get; set; } = [];
    public List<TranslationInput>? Description { get; set; }
    public IdentityPolicy? IdentityPolicy { get; set; }
    public string? ConsultationId { get; set; }
    public List<QuestionInput> Questions { get; set; } = [];
}
