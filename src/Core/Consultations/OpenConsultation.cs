using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Consultations;

/// <summary>Opens a draft for contributions once every text exists in every language.</summary>
public sealed class OpenConsultation(IConsultationStore store, IAuditLog audit, SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    public sealed record Request(string ConsultationId, int? ExpectedVersion = null);

    public async Task<Result<Consultation>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var loaded = await ConsultationRules.LoadAsync(store, request.ConsultationId, request.ExpectedVersion, ct);
        if (!loaded.Succeeded)
            return loaded;
        var current = loaded.Value;
        if (current.Status != ConsultationStatus.Draft)
            return Result<Consultation>.Fail("consultationId", ErrorCodes.InvalidState, $"Only a draft can be opened; this consultation is {current.Status}.");

        var v = new Validator();
        ConsultationRules.ValidateTexts(v, current.Title, current.Summary, current.Body, languages, complete: true);
        if (current.ClosesAt is { } closes && closes <= clock.GetUtcNow())
            v.Add("closesAt", ErrorCodes.OutOfRange, "The closing date has already passed; move it before opening.");
        if (v.HasErrors)
            return Result<Consultation>.Fail(v.Errors);

        return await ConsultationRules.SaveAsync(store, audit, clock, actor, current, current with { Status = ConsultationStatus.Open }, AuditActions.ConsultationOpened, ct);
    }
}
