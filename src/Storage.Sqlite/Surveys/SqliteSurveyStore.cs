using Engagement.Core.Surveys;

namespace Engagement.Storage.Sqlite;

/// <summary>Surveys in SQLite, each with its questions in one document, updated with an optimistic version check.</summary>
public sealed class SqliteSurveyStore(SqliteDatabase db) : ISurveyStore
{
    private readonly VersionedDocuments<Survey, SurveyStatus> _table = new(
        db,
        "surveys",
        s => (s.Id, s.OrganisationId, s.Slug, s.Status, s.CreatedAt, s.Version),
        (given, stored) => given with { OrganisationId = stored.OrganisationId, Slug = stored.Slug, CreatedAt = stored.CreatedAt },
        new DocumentColumn<Survey>("consultation_id", s => s.ConsultationId));

    public Task<bool> TryAddAsync(Survey survey, CancellationToken ct = default) => _table.TryAddAsync(survey, ct);

    public Task<bool> UpdateAsync(Survey survey, int expectedVersion, CancellationToken ct = default) =>
        _table.UpdateAsync(survey, expectedVersion, ct);

    public Task<Survey?> GetAsync(string id, CancellationToken ct = default) => _table.GetAsync(id, ct);

    public Task<Survey?> GetBySlugAsync(string organisationId, string slug, CancellationToken ct = default) =>
        _table.GetBySlugAsync(organisationId, slug, ct);

    public Task<IReadOnlyList<Survey>> ListByConsultationAsync(string consultationId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<Survey>>(c => c.Command(
                "SELECT doc FROM surveys WHERE consultation_id = @consultation_id ORDER BY created_ticks, id")
            .With("@consultation_id", consultationId)
            .ReadDocs<Survey>(), ct);

    public Task<IReadOnlyList<Survey>> ListAsync(string organisationId, SurveyStatus? status = null, CancellationToken ct = default) =>
        _table.ListAsync(organisationId, status, ct);
}
