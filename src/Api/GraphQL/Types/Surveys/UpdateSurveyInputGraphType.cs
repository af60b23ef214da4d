using Engagement.Api.GraphQL.Types.Common;
using Engagement.Api.GraphQL.Types.Consultations;
using Engagement.Core.Consultations;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>A draft survey's texts, policy and questions, replaced as a whole (so the policy is required, as for consultations).</summary>
internal sealed class UpdateSurveyInputGraphType : InputObjectGraphType<UpdateSurveyInput>
{
    public UpdateSurveyInputGraphType()
    {
        Name = "UpdateSurveyInput";
        Field(x => x.SurveyId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Title, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TranslationInputGraphType>>>));
        Field(x => x.Description, type: typeof(ListGraphType<NonNullGraphType<TranslationInputGraphType>>));
        Field(x => x.IdentityPolicy, type: typeof(NonNullGraphType<IdentityPolicyGraphType>));
        Field(x => x.Questions, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<QuestionInputGraphType>>>));
        Field(x => x.ExpectedVersion, nullable: true);
    }
}

/// <summary>The bound form of <see cref="UpdateSurveyInputGraphType"/>.</summary>
public sealed class UpdateSurveyInput
{
    public string SurveyId { get; set; } = "";
    public List<TranslationInput> Title { get; set; } = [];
    public List<TranslationInput>? Description { get; set; }
    public IdentityPolicy IdentityPolicy { get; set; }
    public List<QuestionInput> Questions { get; set; } = [];
    public int? ExpectedVersion { get; set; }
}
