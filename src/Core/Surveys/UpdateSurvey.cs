using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Consultations;

namespace Engagement.Core.Surveys;

/// <summary>Replaces a draft survey's texts, policy and questions; once open, questions are frozen so results stay comparable.</summary>
public sealed class UpdateSurvey(ISurveyStore store, IAuditLog audit, SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    public sealed record Request(
        string SurveyId,
        LocalizedText Title,
        IReadOnlyList<Question> Questions,
        LocalizedText? Description = null,
        IdentityPolicy IdentityPolicy = IdentityPolicy.AnonymousAllowed,
        int? ExpectedVersion = null);

    public async Task<Result<Survey>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var loaded = await SurveyLifecycle.LoadAsync(store, request.SurveyId, request.ExpectedVersion, ct);
        if (!loaded.Succeeded)
            return loaded;
        var current = loaded.Value;
        if (current.Status != SurveyStatus.Draft)
            return Result<Survey>.Fail("surveyId", ErrorCodes.InvalidState, "Only a draft survey can be edited.");

        var v = new Validator();
        v.Localized("title", request.Title, languages, TextLimits.Title, requireAll: true);
        v.Localized("description", request.Description, languages, TextLimits.Summary, requireAll: false);
        v.Defined("identityPolicy", request.IdentityPolicy);
        SurveyDefinitionRules.Validate(v, request.Questions, languages);
        if (v.HasErrors)
            return Result<Survey>.Fail(v.Errors);

        var changed = current with
        {
            Title = request.Title,
            Description = request.Description ?? LocalizedText.Empty,
            IdentityPolicy = request.IdentityPolicy,
            Questions = request.Questions,
        };
        return await SurveyLifecycle.SaveAsync(store, audit, clock, actor, current, changed, AuditActions.SurveyUpdated, ct);
    }
}
