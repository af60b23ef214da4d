using Engagement.Core.Surveys;

namespace Engagement.Storage.Sqlite;

/// <summary>Surveys in SQLite, each with its questions in one document, updated with an optimistic version check.</summary>
public sealed class SqliteSurveyStore(SqliteDatabase db) : ISurveyStore
{
    public Task<bool> TryAddAsync(Survey survey, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => tx.Command("""
            INSERT INTO surveys (id, organisation_id, slug, status, created_ticks, version, doc)
            VALUES (@id, @organisation_id, @slug, @status, @created_ticks, @version, @doc)
            """)
            .With("@id", survey.Id)
            .With("@organisation_id", survey.OrganisationId)
            .With("@slug", survey.Slug)
            .With("@status", survey.Status.ToString())
            .With("@created_ticks", survey.CreatedAt.Ticks())
            .With("@version", survey.Version)
            .With("@doc", StorageJson.Serialize(survey))
            .Run() == 1, ct);

    public Task<bool> UpdateAsync(Survey survey, int expectedVersion, CancellationToken ct = default) =>
        db.TryWriteAsync(tx =>
        {
            var stored = tx.Command("SELECT doc FROM surveys WHERE id = @id AND version = @expected")
                .With("@id", survey.Id).With("@expected", expectedVersion).ReadDoc<Survey>();
            if (stored is null)
                return false;
            var updated = survey with
            {
                OrganisationId = stored.OrganisationId,
                Slug = stored.Slug,
                CreatedAt = stored.CreatedAt,
            };
            return tx.Command("UPDATE surveys SET status = @status, version = @version, doc = @doc WHERE id = @id")
                .With("@id", stored.Id)
                .With("@status", updated.Status.ToString())
                .With("@version", updated.Version)
                .With("@doc", StorageJson.Serialize(updated))
                .Run() == 1;
        }, ct);

    public Task<Survey?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM surveys WHERE id = @id").With("@id", id).ReadDoc<Survey>(), ct);

    public Task<Survey?> GetBySlugAsync(string organisationId, string slug, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM surveys WHERE organisation_id = @organisation_id AND slug = @slug")
            .With("@organisation_id", organisationId).With("@slug", slug).ReadDoc<Survey>(), ct);

    public Task<IReadOnlyList<Survey>> ListAsync(string organisationId, SurveyStatus? status = null, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<Survey>>(c => c.Command(status is null
                ? "SELECT doc FROM surveys WHERE organisation_id = @organisation_id ORDER BY created_ticks DESC, id DESC"
                : "SELECT doc FROM surveys WHERE organisation_id = @organisation_id AND status = @status ORDER BY created_ticks DESC, id DESC")
            .With("@organisation_id", organisationId)
            .With("@status", status?.ToString())
            .ReadDocs<Survey>(), ct);
}
