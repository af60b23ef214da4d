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

    public Task<IReadOnlyList<Tally>> ListLargestAsync(string scopePrefix, int max, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scopePrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return db.ReadAsync<IReadOnlyList<Tally>>(connection =>
        {
            // A range on the primary key rather than LIKE, which would treat '%' and '_' in a page address as wildcards.
            using var command = connection.Command("""
                WITH largest AS (
                    SELECT scope, SUM(count) AS total FROM tallies
                    WHERE scope >= @low AND scope < @high
                    GROUP BY scope HAVING SUM(count) > 0
                    ORDER BY total DESC, scope LIMIT @max)
                SELECT t.scope, t.bucket, t.count FROM tallies t JOIN largest l ON l.scope = t.scope
                WHERE t.count <> 0
                ORDER BY l.total DESC, t.scope
                """)
                .With("@low", scopePrefix)
                .With("@high", PrefixEnd(scopePrefix))
                .With("@max", max);
            using var reader = command.ExecuteReader();
            var result = new List<Tally>();
            Dictionary<string, long>? current = null;
            while (reader.Read())
            {
                var scope = reader.GetString(0);
                if (result.Count == 0 || result[^1].Scope != scope)
                {
                    current = new Dictionary<string, long>(StringComparer.Ordinal);
                    result.Add(new Tally(scope, current));
                }
                current![reader.GetString(1)] = reader.GetInt64(2);
            }
            return result;
        }, ct);
    }

    // The first string after every string that starts with the prefix, in SQLite's binary (ordinal UTF-8) order.
    private static string PrefixEnd(string prefix) =>
        prefix[^1] == char.MaxValue ? prefix + char.MaxValue : prefix[..^1] + (char)(prefix[^1] + 1);
}
