using Engagement.Core.Moderation;

namespace Engagement.Storage.Sqlite;

/// <summary>Term lists in SQLite: one row per organisation, kind and language, replaced whole.</summary>
public sealed class SqliteTermListStore(SqliteDatabase db) : ITermListStore
{
    public Task SaveAsync(TermList list, CancellationToken ct = default) =>
        db.WriteAsync(tx => tx.Command("""
                INSERT INTO term_lists (organisation_id, kind, language, doc) VALUES (@organisation_id, @kind, @language, @doc)
                ON CONFLICT (organisation_id, kind, language) DO UPDATE SET doc = excluded.doc
                """)
            .With("@organisation_id", list.OrganisationId)
            .With("@kind", list.Kind.ToString())
            .With("@language", list.Language)
            .With("@doc", StorageJson.Serialize(list))
            .Run(), ct);

    public Task<IReadOnlyList<TermList>> ListAsync(string organisationId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<TermList>>(c => c.Command("SELECT doc FROM term_lists WHERE organisation_id = @organisation_id ORDER BY kind, language")
            .With("@organisation_id", organisationId).ReadDocs<TermList>(), ct);
}
