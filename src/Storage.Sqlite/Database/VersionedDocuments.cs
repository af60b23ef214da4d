using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>A further key column kept in step with the document: written on insert and on every update.</summary>
/// <param name="Name">The column; a constant of this adapter, never user input.</param>
internal sealed record DocumentColumn<T>(string Name, Func<T, object?> Value);

/// <summary>
/// The table shape shared by aggregates that belong to an organisation, carry a slug unique within it, a
/// status and a version (consultations, surveys): one implementation of add, version-checked update and lists.
/// Columns a store needs beyond these come as <see cref="DocumentColumn{T}"/>s.
/// </summary>
internal sealed class VersionedDocuments<T, TStatus>(
    SqliteDatabase db,
    string table,
    Func<T, (string Id, string OrganisationId, string Slug, TStatus Status, DateTimeOffset CreatedAt, int Version)> keys,
    Func<T, T, T> keepImmutable,
    params IReadOnlyList<DocumentColumn<T>> extraColumns)
    where T : class
    where TStatus : struct, Enum
{
    // The table and column names are constants of this adapter, never user input; every value goes in as a parameter.
    private readonly string _insert = $"""
        INSERT INTO {table} (id, organisation_id, slug, status, created_ticks, version, doc{string.Concat(extraColumns.Select(c => ", " + c.Name))})
        VALUES (@id, @organisation_id, @slug, @status, @created_ticks, @version, @doc{string.Concat(extraColumns.Select(c => ", @" + c.Name))})
        """;
    private readonly string _selectVersion = $"SELECT doc FROM {table} WHERE id = @id AND version = @expected";
    private readonly string _update =
        $"UPDATE {table} SET status = @status, version = @version, doc = @doc{string.Concat(extraColumns.Select(c => $", {c.Name} = @{c.Name}"))} WHERE id = @id";
    private readonly string _selectById = $"SELECT doc FROM {table} WHERE id = @id";
    private readonly string _selectBySlug = $"SELECT doc FROM {table} WHERE organisation_id = @organisation_id AND slug = @slug";
    private readonly string _list = $"SELECT doc FROM {table} WHERE organisation_id = @organisation_id ORDER BY created_ticks DESC, id DESC";
    private readonly string _listByStatus =
        $"SELECT doc FROM {table} WHERE organisation_id = @organisation_id AND status = @status ORDER BY created_ticks DESC, id DESC";

    public Task<bool> TryAddAsync(T item, CancellationToken ct)
    {
        var k = keys(item);
        return db.TryWriteAsync(tx => tx.Command(_insert)
            .With("@id", k.Id)
            .With("@organisation_id", k.OrganisationId)
            .With("@slug", k.Slug)
            .With("@status", k.Status.ToString())
            .With("@created_ticks", k.CreatedAt.Ticks())
            .With("@version", k.Version)
            .With("@doc", StorageJson.Serialize(item))
            .WithColumns(extraColumns, item)
            .Run() == 1, ct);
    }

    /// <summary>Replaces the row when its version matches; the fields <c>keepImmutable</c> names keep their stored values.</summary>
    public Task<bool> UpdateAsync(T item, int expectedVersion, CancellationToken ct) =>
        db.TryWriteAsync(tx =>
        {
            var stored = tx.Command(_selectVersion).With("@id", keys(item).Id).With("@expected", expectedVersion).ReadDoc<T>();
            if (stored is null)
                return false;
            var updated = keepImmutable(item, stored);
            var k = keys(updated);
            return tx.Command(_update)
                .With("@id", k.Id)
                .With("@status", k.Status.ToString())
                .With("@version", k.Version)
                .With("@doc", StorageJson.Serialize(updated))
                .WithColumns(extraColumns, updated)
                .Run() == 1;
        }, ct);

    public Task<T?> GetAsync(string id, CancellationToken ct) =>
        db.ReadAsync(c => c.Command(_selectById).With("@id", id).ReadDoc<T>(), ct);

    public Task<T?> GetBySlugAsync(string organisationId, string slug, CancellationToken ct) =>
        db.ReadAsync(c => c.Command(_selectBySlug).With("@organisation_id", organisationId).With("@slug", slug).ReadDoc<T>(), ct);

    public Task<IReadOnlyList<T>> ListAsync(string organisationId, TStatus? status, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<T>>(c => c.Command(status is null ? _list : _listByStatus)
            .With("@organisation_id", organisationId)
            .With("@status", status?.ToString())
            .ReadDocs<T>(), ct);
}

/// <summary>Binds <see cref="DocumentColumn{T}"/> values.</summary>
internal static class DocumentColumns
{
    public static SqliteCommand WithColumns<T>(
        this SqliteCommand command, IReadOnlyList<DocumentColumn<T>> columns, T item)
    {
        foreach (var column in columns)
            command.With("@" + column.Name, column.Value(item));
        return command;
    }
}
