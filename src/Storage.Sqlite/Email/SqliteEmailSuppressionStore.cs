using Engagement.Core.Email;

namespace Engagement.Storage.Sqlite;

/// <summary>Unsubscribed addresses in SQLite, by list and address hash.</summary>
public sealed class SqliteEmailSuppressionStore(SqliteDatabase db) : IEmailSuppressionStore
{
    public Task SuppressAsync(MailingList list, string addressHash, DateTimeOffset at, CancellationToken ct = default) =>
        db.WriteAsync(tx => tx.Command("""
                INSERT INTO email_suppressions (list, address_hash, at_ticks) VALUES (@list, @hash, @at) ON CONFLICT DO NOTHING
                """).With("@list", list.ToString()).With("@hash", addressHash).With("@at", at.Ticks()).Run(), ct);

    public Task<IReadOnlySet<string>> SuppressedAsync(MailingList list, IReadOnlyCollection<string> addressHashes, CancellationToken ct = default) =>
        addressHashes.Count == 0
            ? Task.FromResult<IReadOnlySet<string>>(new HashSet<string>())
            : db.ReadAsync<IReadOnlySet<string>>(c =>
            {
                using var command = c.Command("""
                        SELECT address_hash FROM email_suppressions WHERE list = @list AND address_hash IN (SELECT value FROM json_each(@hashes))
                        """).With("@list", list.ToString()).WithJsonArray("@hashes", addressHashes);
                using var reader = command.ExecuteReader();
                var found = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read())
                    found.Add(reader.GetString(0));
                return found;
            }, ct);
}
