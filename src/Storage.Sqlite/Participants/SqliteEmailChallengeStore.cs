using Engagement.Core.Email;
using Engagement.Core.Participants;

namespace Engagement.Storage.Sqlite;

/// <summary>Sign-in links in SQLite, written with their email in one commit and used under the one writer, so a link is used once.</summary>
public sealed class SqliteEmailChallengeStore(SqliteDatabase db) : IEmailChallengeStore
{
    public Task<bool> TryAddAsync(EmailChallenge challenge, EmailMessage? email, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => tx.Command("""
                INSERT INTO email_challenges (id, token_hash, address, created_ticks, doc) VALUES (@id, @token_hash, @address, @created, @doc)
                """)
            .With("@id", challenge.Id).With("@token_hash", challenge.TokenHash).With("@address", challenge.Address)
            .With("@created", challenge.CreatedAt.Ticks()).With("@doc", StorageJson.Serialize(challenge))
            .Run() == 1 && (email is null || SqliteOutboxStore.Append(tx, email, challenge.CreatedAt) == 1), ct);

    public Task<int> CountSinceAsync(string address, DateTimeOffset since, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT COUNT(*) FROM email_challenges WHERE address = @address AND created_ticks >= @since")
            .With("@address", address).With("@since", since.Ticks()).ReadCount(), ct);

    public Task<int> DeleteCreatedBeforeAsync(DateTimeOffset before, int max, CancellationToken ct = default) =>
        db.WriteAsync(tx => tx.Command("""
                DELETE FROM email_challenges WHERE id IN (SELECT id FROM email_challenges WHERE created_ticks < @before ORDER BY created_ticks LIMIT @max)
                """).With("@before", before.Ticks()).With("@max", max).Run(), ct);

    public Task<EmailChallenge?> GetByTokenHashAsync(string tokenHash, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM email_challenges WHERE token_hash = @token_hash").With("@token_hash", tokenHash).ReadDoc<EmailChallenge>(), ct);

    public Task<EmailChallengeUse> ConsumeAsync(string tokenHash, DateTimeOffset now, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            // One writer at a time: the state read here is still the state when the use is written.
            var challenge = tx.Command("SELECT doc FROM email_challenges WHERE token_hash = @token_hash").With("@token_hash", tokenHash).ReadDoc<EmailChallenge>();
            if (challenge is null || challenge.StateAt(now) != EmailChallengeState.Usable)
                return new EmailChallengeUse(false, challenge);
            var used = challenge with { UsedAt = now };
            tx.Command("UPDATE email_challenges SET doc = @doc WHERE id = @id").With("@id", used.Id).With("@doc", StorageJson.Serialize(used)).Run();
            return new EmailChallengeUse(true, used);
        }, ct);
}
