using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Consultations;

/// <summary>Replaces a consultation's texts, policy and dates while it is a draft or open.</summary>
public sealed class UpdateConsultation(IConsultationStore store, IAuditLog audit, SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    /// <summary>Every field is replaced; <paramref name="ExpectedVersion"/>, when given, guards against overwriting someone else's change.</summary>
    public sealed record Request(
        string ConsultationId,
        LocalizedText Title,
        LocalizedText? Summary,
        LocalizedText? Body,
        IdentityPolicy IdentityPolicy,
        DateTimeOffset? OpensAt,
        DateTimeOffset? ClosesAt,
        int? ExpectedVersion = null);

    public async Task<Result<Consultation>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var loaded = await ConsultationRules.LoadAsync(store, request.ConsultationId, request.ExpectedVersion, ct);
        if (!loaded.Succeeded)
            return loaded;
        var current = loaded.Value;
        if (current.Status is not (ConsultationStatus.Draft or ConsultationStatus.Open))
            return Result<Consultation>.Fail("consultationId", ErrorCodes.InvalidState, "A closed consultation can no longer be edited.");

        var v = new Validator();
        ConsultationRules.ValidateTexts(v, request.Title, request.Summary, request.Body, languages, complete: current.Status == ConsultationStatus.Open);
        v.Defined("identityPolicy", request.IdentityPolicy);
        ConsultationRules.ValidateDates(v, request.OpensAt, request.ClosesAt);
        if (current.Status == ConsultationStatus.Open && request.ClosesAt is { } closes && closes <= clock.GetUtcNow())
            v.Add("closesAt", ErrorCodes.OutOfRange, "The closing date of an open consultation must be in the future; close it instead.");
        if (v.HasErrors)
            return Result<Consultation>.Fail(v.Errors);

        var changed = current with
        {
            Title = request.Title,
            Summary = request.Summary ?? LocalizedText.Empty,
            Body = request.Body ?? LocalizedText.Empty,
            IdentityPolicy = request.IdentityPolicy,
            OpensAt = request.OpensAt,
            ClosesAt = request.ClosesAt,
        };
        return await ConsultationRules.SaveAsync(store, audit, clock, actor, current, changed, AuditActions.ConsultationUpdated, ct);
    }
}
