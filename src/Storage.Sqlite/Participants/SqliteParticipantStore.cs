using Engagement.Core.Participants;

namespace Engagement.Storage.Sqlite;

/// <summary>Participants in SQLite; id, token hash and email are each unique by constraint.</summary>
public sealed class SqliteParticipantStore(SqliteDatabase db) : IParticipantStore
{
    public Task<bool> TryAddAsync(Participant participant, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => tx.Command("INSERT INTO participants (id, token_hash, email, doc) VALUES (@id, @token_hash, @email, @doc)")
            .With("@id", participant.Id)
            .With("@token_hash", participant.TokenHash)
            .With("@email", participant.Email)
            .With("@doc", StorageJson.Serialize(participant))
            .Run() == 1, ct);

    public Task<Participant?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM participants WHERE id = @id").With("@id", id).ReadDoc<Participant>(), ct);

    public Task<Participant?> GetByTokenHashAsync(string tokenHash, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM participants WHERE token_hash = @token_hash").With("@token_hash", tokenHash).ReadDoc<Participant>(), ct);

    public Task<Participant?> GetByEmailAsync(string email, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM participants WHERE email = @email").With("@email", email).ReadDoc<Participant>(), ct);
}
