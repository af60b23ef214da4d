namespace Engagement.Core.Surveys;

/// <summary>Stores surveys, each with its questions as one document. Every adapter honours the rules stated on each method.</summary>
public interface ISurveyStore
{
    /// <summary>Adds a survey durably. Returns false, and changes nothing, when the organisation already has a survey with this slug, or the id is taken.</summary>
    Task<bool> TryAddAsync(Survey survey, CancellationToken ct = default);

    /// <summary>
    /// Replaces the stored survey when its stored version equals <paramref name="expectedVersion"/>. Returns
    /// false, and changes nothing, when the id is unknown or the version differs. Id, organisation, slug and
    /// creation time are never changed by an update.
    /// </summary>
    Task<bool> UpdateAsync(Survey survey, int expectedVersion, CancellationToken ct = default);

    /// <summary>The survey with this id, or null.</summary>
    Task<Survey?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The organisation's survey with this slug, or null.</summary>
    Task<Survey?> GetBySlugAsync(string organisationId, string slug, CancellationToken ct = default);

    /// <summary>The surveys attached to a consultation, oldest first (creation time, then id); empty for an unknown one.</summary>
    Task<IReadOnlyList<Survey>> ListByConsultationAsync(string consultationId, CancellationToken ct = default);

    /// <summary>The organisation's surveys, newest first (creation time, then id descending), optionally only those in one status.</summary>
    Task<IReadOnlyList<Survey>> ListAsync(string organisationId, SurveyStatus? status = null, CancellationToken ct = default);
}
