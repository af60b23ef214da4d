using System.Globalization;
using Engagement.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using MongoDB.Bson;

namespace Engagement.Storage.Migration;

/// <summary>
/// Reads an Engagement SQLite file for the copy, on one read-only connection inside one read transaction, so every batch
/// and count of a run sees the same snapshot and nothing is ever written to the file.
/// </summary>
public sealed class SqliteMigrationSource : IMigrationSource, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _snapshot;
    private readonly Dictionary<string, string[]> _keys = new(StringComparer.Ordinal);

    private SqliteMigrationSource(string path, string fingerprint, SqliteConnection connection, SqliteTransaction snapshot)
    {
        Path = path;
        Fingerprint = fingerprint;
        _connection = connection;
        _snapshot = snapshot;
    }

    /// <summary>The full path of the file read.</summary>
    public string Path { get; }

    /// <summary>
    /// The size and last write time of the file and of its write-ahead log when that holds anything: the application
    /// running on the file in between changes one of them, its own read-only opening does not.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Opens the file read-only and checks it carries exactly the schema this build knows; refuses a missing file, a file that
    /// is not SQLite, and an older or newer schema, each with what to do.
    /// </summary>
    public static SqliteMigrationSource Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        // ReadOnly mode would fail with "unable to open database file"; this says which file.
        if (!File.Exists(fullPath))
            throw new MigrationRefusedException($"There is no SQLite file at '{fullPath}'. Give its path with --from.");

        // Taken before opening: the connection may create an empty write-ahead log, which the fingerprint ignores anyway.
        var fingerprint = FingerprintOf(fullPath);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadOnly,
            Cache = SqliteCacheMode.Private,
            // Unpooled, so the file is released the moment the copy ends.
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString());
        try
        {
            connection.Open();
            long version;
            try
            {
                using var read = connection.Command("PRAGMA user_version;");
                version = (long)read.ExecuteScalar()!;
                // Some non-database files still answer the version pragma; reading the schema is what fails on every one.
                using var schema = connection.Command("SELECT COUNT(*) FROM sqlite_master;");
                schema.ExecuteScalar();
            }
            catch (SqliteException e)
            {
                throw new MigrationRefusedException($"'{fullPath}' cannot be read as an SQLite database ({e.Message}).");
            }
            if (version != Migrations.Latest)
            {
                throw new MigrationRefusedException(version < Migrations.Latest
                    ? $"The SQLite file '{fullPath}' has schema version {version}; this build copies version {Migrations.Latest}. "
                        + "Start the application of this build once on the file (it upgrades the schema at start-up), stop it, and run the copy again."
                    : $"The SQLite file '{fullPath}' has schema version {version}, newer than this build knows ({Migrations.Latest}). "
                        + "Run the copy with the build that last wrote the file.");
            }
            // Deferred: a read transaction that takes no write lock, and holds one snapshot from its first read to the end of the run.
            var snapshot = connection.BeginTransaction(deferred: true);
            return new SqliteMigrationSource(fullPath, fingerprint, connection, snapshot);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public string Describe() => $"SQLite file {Path} (schema version {Migrations.Latest})";

    public Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken ct)
    {
        using var command = _connection.Command(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name;", _snapshot);
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
            tables.Add(reader.GetString(0));
        return Task.FromResult<IReadOnlyList<string>>(tables);
    }

    public Task<long> CountAsync(string table, CancellationToken ct)
    {
        using var command = _connection.Command($"SELECT COUNT(*) FROM {Quote(table)};", _snapshot);
        return Task.FromResult((long)command.ExecuteScalar()!);
    }

    public Task<long> CountAsync(TablePlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sql = plan.Query is { } query
            ? "SELECT " + string.Join(" + ", query.Arms.Select(a => $"(SELECT COUNT(*) FROM {Quote(a.Table)}{(a.Where is null ? "" : $" WHERE {a.Where}")})")) + ";"
            : $"SELECT COUNT(*) FROM {Quote(plan.Table)};";
        using var command = _connection.Command(sql, _snapshot);
        return Task.FromResult((long)command.ExecuteScalar()!);
    }

    public Task<MigrationBatch> ReadBatchAsync(TablePlan plan, BsonArray? after, int max, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var keys = plan.Query?.Keys.ToArray() ?? KeyColumns(plan.Table);
        var keyList = string.Join(", ", keys.Select(Quote));
        // Row values compare column by column, the same order as ORDER BY, so "after the key" and the sort agree.
        var afterKey = after is null ? null : $"({keyList}) > ({string.Join(", ", keys.Select((_, i) => $"@k{i}"))})";
        string sql;
        if (plan.Query is { } query)
        {
            // Each arm takes its next rows from its table's own key index and stops at the batch size; the merge then keeps the
            // batch's first rows. A WHERE around the whole union would make every batch read all the rows after the key.
            var arms = query.Arms.Select(a =>
            {
                var conditions = new[] { a.Where, afterKey }.Where(c => c is not null).Select(c => $"({c})").ToList();
                var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
                return $"SELECT * FROM (SELECT {a.Columns} FROM {Quote(a.Table)}{where} ORDER BY {keyList} LIMIT @max)";
            });
            sql = string.Join(" UNION ALL ", arms) + $" ORDER BY {keyList} LIMIT @max;";
        }
        else
        {
            var select = keys is ["rowid"] ? "rowid AS rowid, *" : "*";
            sql = $"SELECT {select} FROM {Quote(plan.Table)} {(afterKey is null ? "" : "WHERE " + afterKey)} ORDER BY {keyList} LIMIT @max;";
        }
        using var command = _connection.Command(sql, _snapshot);
        if (after is not null)
        {
            if (after.Count != keys.Length)
                throw new MigrationRefusedException($"The checkpoint of '{plan.Table}' has {after.Count} key values; the table's key has {keys.Length} ({keyList}).");
            for (var i = 0; i < keys.Length; i++)
                command.With($"@k{i}", FromBson(after[i]));
        }
        command.With("@max", max);

        using var reader = command.ExecuteReader();
        var documents = new List<BsonDocument>();
        BsonArray? last = null;
        while (reader.Read())
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
                values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            documents.Add(plan.Convert(new MigrationRow(plan.Table, values)));
            last = new BsonArray(keys.Select(k => ToBson(values[k])));
        }
        return Task.FromResult(new MigrationBatch(documents, last));
    }

    public Task<long> HighWaterAsync(string table, CancellationToken ct)
    {
        // AUTOINCREMENT remembers the largest value ever handed out in sqlite_sequence, even after those rows were deleted.
        bool hasSequence;
        using (var probe = _connection.Command("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence';", _snapshot))
            hasSequence = (long)probe.ExecuteScalar()! > 0;
        var sql = hasSequence
            ? $"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = @table), 0), COALESCE((SELECT MAX(rowid) FROM {Quote(table)}), 0));"
            : $"SELECT COALESCE(MAX(rowid), 0) FROM {Quote(table)};";
        using var command = _connection.Command(sql, _snapshot).With("@table", table);
        return Task.FromResult((long)command.ExecuteScalar()!);
    }

    public void Dispose()
    {
        _snapshot.Dispose();
        _connection.Dispose();
    }

    /// <summary>The primary-key columns in key order (stable across VACUUM, unlike a plain rowid), or rowid when there is no key.</summary>
    private string[] KeyColumns(string table)
    {
        if (_keys.TryGetValue(table, out var known))
            return known;
        using var command = _connection.Command("SELECT name FROM pragma_table_info(@table) WHERE pk > 0 ORDER BY pk;", _snapshot).With("@table", table);
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
            keys.Add(reader.GetString(0));
        if (keys.Count == 0)
            keys.Add("rowid");
        return _keys[table] = [.. keys];
    }

    private static string FingerprintOf(string path)
    {
        var file = new FileInfo(path);
        var log = new FileInfo(path + "-wal");
        var fingerprint = string.Create(CultureInfo.InvariantCulture, $"sqlite {file.Length} {file.LastWriteTimeUtc.Ticks}");
        return log.Exists && log.Length > 0
            ? fingerprint + string.Create(CultureInfo.InvariantCulture, $" wal {log.Length} {log.LastWriteTimeUtc.Ticks}")
            : fingerprint;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static BsonValue ToBson(object? value) => value switch
    {
        long l => new BsonInt64(l),
        string s => new BsonString(s),
        double d => new BsonDouble(d),
        byte[] b => new BsonBinaryData(b),
        null => BsonNull.Value,
        _ => throw new FormatException($"A key value of type {value.GetType().Name} cannot be kept in a checkpoint."),
    };

    private static object? FromBson(BsonValue value) => value switch
    {
        BsonInt64 l => l.Value,
        BsonInt32 i => (long)i.Value,
        BsonString s => s.Value,
        BsonDouble d => d.Value,
        BsonBinaryData b => b.Bytes,
        BsonNull => null,
        _ => throw new FormatException($"A checkpoint key value of BSON type {value.BsonType} is not a SQLite key."),
    };
}
