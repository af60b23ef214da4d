using System.Runtime.CompilerServices;
using Engagement.Core.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Engagement.Storage.Sqlite;

/// <summary>
/// One SQLite database file shared by every store: opens pooled connections for reads, migrates the schema,
/// and hands every write to the group-commit writer, which answers each caller only after its COMMIT.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    // A second process holding the write lock briefly (a migration step, a backup) is waited for. One holding it longer
    // fails the write as busy (nothing saved) well inside the request timeout (GraphQL:TimeoutSeconds, 10 s by default),
    // so the caller hears a definite "try again" rather than a TIMEOUT that cannot say whether the write was saved.
    private const int BusyTimeoutMilliseconds = 5_000;

    // synchronous is per connection and not in the connection string, so every native handle gets it once.
    // FULL syncs the WAL on every commit: an acknowledged write survives a power cut, not just a crash.
    private static readonly string ConnectionPragmas = $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";

    // Pooled connections keep their native handle (and its pragmas), so a handle is set up once, not on every open.
    private readonly ConditionalWeakTable<sqlite3, object> _preparedHandles = [];

    // SQLite allows one writer at a time; migrations and the group-commit writer take turns through this gate.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _connectionString;
    private readonly GroupCommitWriter _writer;

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        Path = fullPath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        _writer = new GroupCommitWriter(OpenAsync, _writeGate);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>The latest schema version this code knows; <see cref="InitializeAsync"/> migrates the file up to it.</summary>
    public int SchemaVersion => Migrations.Latest;

    /// <summary>
    /// Switches the file to WAL and applies every migration it has not seen yet, each in its own transaction that
    /// re-reads the version under the write lock, so concurrent callers (threads or processes) apply each once.
    /// </summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            // WAL is stored in the file, so setting it once makes every later connection, in any process, use it.
            using (var wal = connection.Command("PRAGMA journal_mode = WAL;"))
            {
                var mode = (string?)wal.ExecuteScalar();
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException($"SQLite refused WAL mode for '{Path}' (journal_mode is '{mode}').");
            }

            for (var version = 1; version <= Migrations.Latest; version++)
            {
                using var tx = connection.BeginTransaction(deferred: false);
                var current = ReadUserVersion(connection, tx);
                if (current > Migrations.Latest)
                    throw new InvalidOperationException(
                        $"The database '{Path}' has schema version {current}, newer than this build knows ({Migrations.Latest}). Upgrade the application.");
                if (current >= version)
                    continue;
                using (var migrate = tx.Command(Migrations.Script(version)))
                    migrate.ExecuteNonQuery();
                // PRAGMA takes no parameters; the version is a constant of this code, never user input.
                using (var stamp = tx.Command($"PRAGMA user_version = {version};"))
                    stamp.ExecuteNonQuery();
                tx.Commit();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>True when the file opens, answers a query, and carries the schema this code expects.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken ct = default)
    {
        try
        {
            await using var connection = await OpenAsync(ct);
            return ReadUserVersion(connection, null) == Migrations.Latest;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>Runs a read on its own pooled connection; WAL lets reads proceed while a write is under way.</summary>
    internal async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken ct)
    {
        try
        {
            await using var connection = await OpenAsync(ct);
            return read(connection);
        }
        catch (SqliteException e) when (Unavailable(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>Runs a write in an IMMEDIATE transaction (shared with concurrent writes) and completes only after COMMIT returned.</summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write, CancellationToken ct) =>
        (await WriteCoreAsync(tx => (true, write(tx)), ct)).Value;

    /// <summary>
    /// Runs a write that may be refused: when <paramref name="write"/> returns false, or a unique or primary-key
    /// constraint fails, everything this write did rolls back (records and tallies alike) and the result is false.
    /// </summary>
    internal async Task<bool> TryWriteAsync(Func<SqliteTransaction, bool> write, CancellationToken ct)
    {
        try
        {
            return (await WriteCoreAsync(tx => (write(tx), true), ct)).Committed;
        }
        catch (SqliteException e) when (IsUniqueViolation(e))
        {
            return false;
        }
    }

    /// <summary>
    /// The store's unavailability for the failures that pass, worded for the people who will read it; null for anything
    /// else (a constraint, a bug, a corrupt file), which must surface as the fault it is.
    /// </summary>
    internal static StoreUnavailableException? Unavailable(SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        SqliteErrorCodes.Busy or SqliteErrorCodes.Locked => new StoreUnavailableException(StoreUnavailableReason.Busy,
            "The store is locked by another process; nothing was saved.", e),
        SqliteErrorCodes.Full => new StoreUnavailableException(StoreUnavailableReason.Full,
            "The disk the store writes to is full; nothing was saved.", e),
        SqliteErrorCodes.IoError or SqliteErrorCodes.CantOpen or SqliteErrorCodes.ReadOnly => new StoreUnavailableException(StoreUnavailableReason.Failing,
            $"The store's files could not be read or written ({e.Message}).", e),
        _ => null,
    };

    public void Dispose()
    {
        // Queued writes finish (and are answered) before the file is released.
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        // Pooled handles would otherwise keep the file, its WAL and shared-memory index open after disposal.
        using (var connection = new SqliteConnection(_connectionString))
            SqliteConnection.ClearPool(connection);
        _writeGate.Dispose();
    }

    // Every write goes through group commit; see GroupCommitWriter for the acknowledgement rule.
    private async Task<(bool Committed, T Value)> WriteCoreAsync<T>(Func<SqliteTransaction, (bool Commit, T Value)> write, CancellationToken ct)
    {
        try
        {
            return await _writer.WriteAsync(write, ct);
        }
        catch (SqliteException e) when (Unavailable(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            var handle = connection.Handle!;
            if (!_preparedHandles.TryGetValue(handle, out _))
            {
                connection.Command(ConnectionPragmas).Run();
                _preparedHandles.AddOrUpdate(handle, handle);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static long ReadUserVersion(SqliteConnection connection, SqliteTransaction? tx)
    {
        using var command = connection.Command("PRAGMA user_version;", tx);
        return (long)command.ExecuteScalar()!;
    }

    // Only "this key is already used" means "taken"; NOT NULL or CHECK failures are bugs and must surface.
    private static bool IsUniqueViolation(SqliteException e) =>
        e.SqliteErrorCode == SqliteErrorCodes.Constraint
        && e.SqliteExtendedErrorCode is SqliteErrorCodes.ConstraintUnique or SqliteErrorCodes.ConstraintPrimaryKey;
}
