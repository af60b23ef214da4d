using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Surveys;

/// <summary>Closes an open survey to new responses.</summary>
public sealed class CloseSurvey(ISurveyStore store, IAuditLog audit, TimeProvider clock) : IUseCase
{
    public sealed record Request(string SurveyId, int? ExpectedVersion = null);

    public async Task<Result<Survey>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var loaded = await SurveyLifecycle.LoadAsync(store, request.SurveyId, request.ExpectedVersion, ct);
        if (!loaded.Succeeded)
            return loaded;
        var current = loaded.Value;
        if (current.Status != SurveyStatus.Open)
            return Result<Survey>.Fail("surveyId", ErrorCodes.InvalidState, $"Only an open survey can be closed; this one is {current.Status}.");
        return await SurveyLifecycle.SaveAsync(store, audit, clock, actor, current, current with { Status = SurveyStatus.Closed }, AuditActions.SurveyClosed, ct);
    }
}
