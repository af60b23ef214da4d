using Engagement.Core.Tallies;

namespace Engagement.Storage.Sqlite;

/// <summary>Reads tallies from SQLite; the stores of the counted records write them.</summary>
public sealed class SqliteTallyStore(SqliteDatabase db) : ITallyStore
{
    public async Task<Tally> GetAsync(string scope, CancellationToken ct = default) =>
        (await GetManyAsync([scope], ct))[scope];

    public Task<IReadOnlyDictionary<string, Tally>> GetManyAsync(IReadOnlyCollection<string> scopes, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyDictionary<string, Tally>>(connection =>
        {
            var counts = scopes.Distinct(StringComparer.Ordinal).ToDictionary(s => s, _ => new Dictionary<string, long>(), StringComparer.Ordinal);
            if (counts.Count == 0)
                return new Dictionary<string, Tally>();
            // Zero buckets are left in the table (a removed reaction may come back) but not reported.
            using var command = connection.Command("""
                SELECT scope, bucket, count FROM tallies
                WHERE scope IN (SELECT value FROM json_each(@scopes)) AND count <> 0
                """).WithJsonArray("@scopes", counts.Keys);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                counts[reader.GetString(0)][reader.GetString(1)] = reader.GetInt64(2);
            return counts.ToDictionary(c => c.Key, c => new Tally(c.Key, c.Value), StringComparer.Ordinal);
        }, ct);
}
