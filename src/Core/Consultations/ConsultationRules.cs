using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Consultations;

/// <summary>Validation and saving shared by the consultation use cases.</summary>
internal static class ConsultationRules
{
    /// <summary>Drafts need a title in every language; an open consultation needs every text in every language.</summary>
    public static void ValidateTexts(Validator v, LocalizedText? title, LocalizedText? summary, LocalizedText? body, SupportedLanguages languages, bool complete)
    {
        v.Localized("title", title, languages, TextLimits.Title, requireAll: true);
        v.Localized("summary", summary, languages, TextLimits.Summary, requireAll: complete);
        v.Localized("body", body, languages, TextLimits.Body, requireAll: complete);
    }

    public static void ValidateDates(Validator v, DateTimeOffset? opensAt, DateTimeOffset? closesAt)
    {
        if (opensAt is { } o && closesAt is { } c && c <= o)
            v.Add("closesAt", ErrorCodes.OutOfRange, "The closing date must come after the opening date.");
    }

    public static async Task<Result<Consultation>> LoadAsync(IConsultationStore store, string id, int? expectedVersion, CancellationToken ct)
    {
        var current = await store.GetAsync(id, ct);
        if (current is null)
            return Result<Consultation>.Fail("consultationId", ErrorCodes.NotFound, "There is no such consultation.");
        if (expectedVersion is { } ev && ev != current.Version)
            return Result<Consultation>.Fail("expectedVersion", ErrorCodes.Conflict, "Someone else changed this consultation; reload it and try again.");
        return current;
    }

    /// <summary>Stores a change with optimistic concurrency and audits it.</summary>
    public static async Task<Result<Consultation>> SaveAsync(
        IConsultationStore store, IAuditLog audit, TimeProvider clock, Actor actor,
        Consultation current, Consultation changed, string action, CancellationToken ct)
    {
        var updated = changed with { Version = current.Version + 1, UpdatedAt = clock.GetUtcNow() };
        if (!await store.UpdateAsync(updated, current.Version, ct))
            return Result<Consultation>.Fail("consultationId", ErrorCodes.Conflict, "Someone else changed this consultation; reload it and try again.");
        await audit.RecordAsync(clock, actor, updated.OrganisationId, action, "consultation", updated.Id, ct: ct);
        return updated;
    }
}
