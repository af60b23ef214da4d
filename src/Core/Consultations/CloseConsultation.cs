using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Consultations;

/// <summary>Closes an open consultation to new contributions.</summary>
public sealed class CloseConsultation(IConsultationStore store, IAuditLog audit, TimeProvider clock) : IUseCase
{
    public sealed record Request(string ConsultationId, int? ExpectedVersion = null);

    public async Task<Result<Consultation>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var loaded = await ConsultationRules.LoadAsync(store, request.ConsultationId, request.ExpectedVersion, ct);
        if (!loaded.Succeeded)
            return loaded;
        var current = loaded.Value;
        if (current.Status != ConsultationStatus.Open)
            return Result<Consultation>.Fail("consultationId", ErrorCodes.InvalidState, $"Only an open consultation can be closed; this one is {current.Status}.");

        return await ConsultationRules.SaveAsync(store, audit, clock, actor, current, current with { Status = ConsultationStatus.Closed }, AuditActions.ConsultationClosed, ct);
    }
}
