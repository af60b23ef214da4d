using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Organisations;

namespace Engagement.Core.Consultations;

/// <summary>Creates a consultation as a draft; it needs a title in every language, the rest can come before opening.</summary>
public sealed class CreateConsultation(
    IOrganisationStore organisations, IConsultationStore store, IAuditLog audit, SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    public sealed record Request(
        string OrganisationId,
        string Slug,
        LocalizedText Title,
        LocalizedText? Summary = null,
        LocalizedText? Body = null,
        IdentityPolicy IdentityPolicy = IdentityPolicy.AnonymousAllowed,
        DateTimeOffset? OpensAt = null,
        DateTimeOffset? ClosesAt = null);

    public async Task<Result<Consultation>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Slug("slug", request.Slug);
        ConsultationRules.ValidateTexts(v, request.Title, request.Summary, request.Body, languages, complete: false);
        v.Defined("identityPolicy", request.IdentityPolicy);
        ConsultationRules.ValidateDates(v, request.OpensAt, request.ClosesAt);
        if (v.HasErrors)
            return Result<Consultation>.Fail(v.Errors);
        if (await organisations.GetAsync(request.OrganisationId, ct) is null)
            return Result<Consultation>.Fail("organisationId", ErrorCodes.NotFound, "There is no such organisation.");

        var now = clock.GetUtcNow();
        var consultation = new Consultation
        {
            Id = Ids.New(),
            OrganisationId = request.OrganisationId,
            Slug = request.Slug,
            Title = request.Title,
            Summary = request.Summary ?? LocalizedText.Empty,
            Body = request.Body ?? LocalizedText.Empty,
            Status = ConsultationStatus.Draft,
            IdentityPolicy = request.IdentityPolicy,
            OpensAt = request.OpensAt,
            ClosesAt = request.ClosesAt,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        if (!await store.TryAddAsync(consultation, ct))
            return Result<Consultation>.Fail("slug", ErrorCodes.Duplicate, $"This organisation already has a consultation with the slug '{request.Slug}'.");

        await audit.RecordAsync(clock, actor, consultation.OrganisationId, AuditActions.ConsultationCreated, "consultation", consultation.Id, ct: ct);
        return consultation;
    }
}
