using Engagement.Core.ApiTokens;

namespace Engagement.Storage.Sqlite;

/// <summary>API tokens in SQLite; the id and the secret's hash are each unique by constraint.</summary>
public sealed class SqliteApiTokenStore(SqliteDatabase db) : IApiTokenStore
{
    public Task<bool> TryAddAsync(ApiToken token, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => tx.Command("""
                INSERT INTO api_tokens (id, organisation_id, token_hash, created_ticks, doc)
                VALUES (@id, @organisation_id, @token_hash, @created_ticks, @doc)
                """)
            .With("@id", token.Id)
            .With("@organisation_id", token.OrganisationId)
            .With("@token_hash", token.TokenHash)
            .With("@created_ticks", token.CreatedAt.Ticks())
            .With("@doc", StorageJson.Serialize(token))
            .Run() == 1, ct);

    public Task<ApiToken?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM api_tokens WHERE id = @id").With("@id", id).ReadDoc<ApiToken>(), ct);

    public Task<ApiToken?> GetByHashAsync(string tokenHash, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM api_tokens WHERE token_hash = @token_hash").With("@token_hash", tokenHash).ReadDoc<ApiToken>(), ct);

    public Task<IReadOnlyList<ApiToken>> ListByOrganisationAsync(string organisationId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<ApiToken>>(c => c.Command(
                "SELECT doc FROM api_tokens WHERE organisation_id = @organisation_id ORDER BY created_ticks DESC, id DESC")
            .With("@organisation_id", organisationId)
            .ReadDocs<ApiToken>(), ct);

    public Task<ApiToken?> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            var stored = tx.Command("SELECT doc FROM api_tokens WHERE id = @id").With("@id", id).ReadDoc<ApiToken>();
            if (stored is null || stored.RevokedAt is not null)
                return stored;
            var revoked = stored with { RevokedAt = at };
            tx.Command("UPDATE api_tokens SET doc = @doc WHERE id = @id").With("@id", id).With("@doc", StorageJson.Serialize(revoked)).Run();
            return revoked;
        }, ct);
}
