using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;

namespace Engagement.Core.Surveys;

/// <summary>Creates a survey as a draft, optionally attached to one of the organisation's consultations.</summary>
public sealed class CreateSurvey(
    IOrganisationStore organisations, IConsultationStore consultations, ISurveyStore store, IAuditLog audit,
    SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    public sealed record Request(
        string OrganisationId,
        string Slug,
        LocalizedText Title,
        IReadOnlyList<Question> Questions,
        LocalizedText? Description = null,
        IdentityPolicy IdentityPolicy = IdentityPolicy.AnonymousAllowed,
        string? ConsultationId = null);

    public async Task<Result<Survey>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Slug("slug", request.Slug);
        v.Localized("title", request.Title, languages, TextLimits.Title, requireAll: true);
        v.Localized("description", request.Description, languages, TextLimits.Summary, requireAll: false);
        v.Defined("identityPolicy", request.IdentityPolicy);
        SurveyDefinitionRules.Validate(v, request.Questions, languages);
        if (v.HasErrors)
            return Result<Survey>.Fail(v.Errors);
        if (await organisations.GetAsync(request.OrganisationId, ct) is null)
            return Result<Survey>.Fail("organisationId", ErrorCodes.NotFound, "There is no such organisation.");
        if (request.ConsultationId is not null
            && (await consultations.GetAsync(request.ConsultationId, ct))?.OrganisationId != request.OrganisationId)
            return Result<Survey>.Fail("consultationId", ErrorCodes.NotFound, "This organisation has no such consultation.");

        var now = clock.GetUtcNow();
        var survey = new Survey
        {
            Id = Ids.New(),
            OrganisationId = request.OrganisationId,
            ConsultationId = request.ConsultationId,
            Slug = request.Slug,
            Title = request.Title,
            Description = request.Description ?? LocalizedText.Empty,
            Status = SurveyStatus.Draft,
            IdentityPolicy = request.IdentityPolicy,
            Questions = request.Questions,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        if (!await store.TryAddAsync(survey, ct))
            return Result<Survey>.Fail("slug", ErrorCodes.Duplicate, $"This organisation already has a survey with the slug '{request.Slug}'.");

        await audit.RecordAsync(clock, actor, survey.OrganisationId, AuditActions.SurveyCreated, "survey", survey.Id, ct: ct);
        return survey;
    }
}
