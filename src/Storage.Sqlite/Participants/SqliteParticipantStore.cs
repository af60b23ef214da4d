using Engagement.Core.Participants;

namespace Engagement.Storage.Sqlite;

/// <summary>
/// Participants in SQLite; id, token hash and email are each unique by constraint. Tokens added after the first live in
/// participant_tokens; a hash is checked against both tables under the one writer, so it stays unique across them.
/// </summary>
public sealed class SqliteParticipantStore(SqliteDatabase db) : IParticipantStore
{
    public Task<bool> TryAddAsync(Participant participant, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => !TokenHashAdded(tx, participant.TokenHash)
            && tx.Command("INSERT INTO participants (id, token_hash, email, doc) VALUES (@id, @token_hash, @email, @doc)")
                .With("@id", participant.Id)
                .With("@token_hash", participant.TokenHash)
                .With("@email", participant.Email)
                .With("@doc", StorageJson.Serialize(participant))
                .Run() == 1, ct);

    public Task<Participant?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM participants WHERE id = @id").With("@id", id).ReadDoc<Participant>(), ct);

    public Task<Participant?> GetByTokenHashAsync(string tokenHash, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("""
                SELECT doc FROM participants WHERE token_hash = @token_hash
                UNION ALL
                SELECT p.doc FROM participant_tokens t JOIN participants p ON p.id = t.participant_id WHERE t.token_hash = @token_hash
                """).With("@token_hash", tokenHash).ReadDoc<Participant>(), ct);

    public Task<Participant?> GetByEmailAsync(string email, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM participants WHERE email = @email").With("@email", email).ReadDoc<Participant>(), ct);

    public Task<bool> TryVerifyEmailAsync(string participantId, string email, DateTimeOffset at, CancellationToken ct = default) =>
        db.TryWriteAsync(tx =>
        {
            var participant = tx.Command("SELECT doc FROM participants WHERE id = @id").With("@id", participantId).ReadDoc<Participant>();
            if (participant is null || participant.Email is not null)
                return false;
            var verified = participant with { Kind = ParticipantKind.VerifiedEmail, Email = email, EmailVerifiedAt = at };
            // The email column's unique constraint refuses an address another participant holds (TryWriteAsync answers false).
            return tx.Command("UPDATE participants SET email = @email, doc = @doc WHERE id = @id")
                .With("@id", participantId).With("@email", email).With("@doc", StorageJson.Serialize(verified)).Run() == 1;
        }, ct);

    public Task<bool> TryAddTokenAsync(string participantId, string tokenHash, DateTimeOffset at, CancellationToken ct = default) =>
        db.TryWriteAsync(tx =>
            tx.Command("SELECT COUNT(*) FROM participants WHERE id = @id").With("@id", participantId).ReadCount() == 1
            && tx.Command("SELECT COUNT(*) FROM participants WHERE token_hash = @token_hash").With("@token_hash", tokenHash).ReadCount() == 0
            && tx.Command("INSERT INTO participant_tokens (token_hash, participant_id, created_ticks) VALUES (@token_hash, @participant_id, @created)")
                .With("@token_hash", tokenHash).With("@participant_id", participantId).With("@created", at.Ticks()).Run() == 1, ct);

    private static bool TokenHashAdded(Microsoft.Data.Sqlite.SqliteTransaction tx, string? tokenHash) =>
        tokenHash is not null
        && tx.Command("SELECT COUNT(*) FROM participant_tokens WHERE token_hash = @token_hash").With("@token_hash", tokenHash).ReadCount() > 0;
}
