using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Consultations;

/// <summary>Publishes (or corrects) what was decided after a consultation closed, in every language.</summary>
public sealed class PublishOutcome(IConsultationStore store, IAuditLog audit, SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    public sealed record Request(string ConsultationId, LocalizedText Outcome, int? ExpectedVersion = null);

    public async Task<Result<Consultation>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Localized("outcome", request.Outcome, languages, TextLimits.Body, requireAll: true);
        if (v.HasErrors)
            return Result<Consultation>.Fail(v.Errors);

        var loaded = await ConsultationRules.LoadAsync(store, request.ConsultationId, request.ExpectedVersion, ct);
        if (!loaded.Succeeded)
            return loaded;
        var current = loaded.Value;
        if (current.Status is not (ConsultationStatus.Closed or ConsultationStatus.OutcomePublished))
            return Result<Consultation>.Fail("consultationId", ErrorCodes.InvalidState, $"An outcome is published after the consultation closes; this one is {current.Status}.");

        var changed = current with { Status = ConsultationStatus.OutcomePublished, Outcome = request.Outcome };
        return await ConsultationRules.SaveAsync(store, audit, clock, actor, current, changed, AuditActions.ConsultationOutcomePublished, ct);
    }
}
