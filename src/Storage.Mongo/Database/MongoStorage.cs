using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// The MongoDB database every Mongo store works on: collections with majority, journaled writes and majority reads,
/// transactions for writes that touch several documents, and start-up checks and index creation.
/// </summary>
public sealed class MongoStorage : IDisposable
{
    private readonly MongoClient _client;
    private readonly string _where;

    public MongoStorage(string connectionString)
    {
        BsonMaps.Register();
        var url = MongoUrl.Create(connectionString);
        var settings = MongoClientSettings.FromUrl(url);
        // Acknowledged means on a majority of the set and in its journal: a failover cannot take back what a citizen was told is saved.
        settings.WriteConcern = WriteConcern.WMajority.With(journal: true);
        settings.ReadConcern = ReadConcern.Majority;
        settings.ReadPreference = ReadPreference.Primary;
        settings.RetryWrites = true;
        // The driver's 30 s would outlast a request's own time limit (GraphQL:TimeoutSeconds, 10 s by default), so during
        // an outage callers would get a bare TIMEOUT, not "the store is unavailable, try again". Five seconds rides out a
        // brief failover (as the SQLite adapter's busy wait does a lock) and still answers in time. The string may set its own.
        if (!connectionString.Contains("serverSelectionTimeoutMS", StringComparison.OrdinalIgnoreCase))
            settings.ServerSelectionTimeout = DefaultServerSelectionTimeout;
        _client = new MongoClient(settings);
        _where = string.Join(",", url.Servers.Select(s => s.ToString()));
        Database = _client.GetDatabase(url.DatabaseName ?? "engagement");
    }

    /// <summary>How long a call waits for a usable server before it reports the store unavailable, unless the connection string says.</summary>
    public static readonly TimeSpan DefaultServerSelectionTimeout = TimeSpan.FromSeconds(5);

    public IMongoDatabase Database { get; }

    /// <summary>How long a call waits for a usable server (see <see cref="DefaultServerSelectionTimeout"/>).</summary>
    internal TimeSpan ServerSelectionTimeout => _client.Settings.ServerSelectionTimeout;

    /// <summary>Hosts and database name, for the start-up log; never the credentials.</summary>
    public string Describe() => $"MongoDB {_where}/{Database.DatabaseNamespace.DatabaseName}";

    internal IMongoCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    /// <summary>
    /// Checks the server (reachable, version, replica set) and creates every index; idempotent, so every node runs it at start-up.
    /// Throws <see cref="MongoStartupException"/> with a message for the operator when the server will not do.
    /// </summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        BsonDocument buildInfo, hello;
        try
        {
            var admin = _client.GetDatabase("admin");
            buildInfo = await admin.RunCommandAsync<BsonDocument>(new BsonDocument("buildInfo", 1), cancellationToken: ct);
            hello = await admin.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: ct);
        }
        catch (Exception e) when (e is TimeoutException or MongoException)
        {
            // The driver's timeout message is a page of cluster state; the operator needs what and where, then the log has the rest.
            var why = e is TimeoutException
                ? $"no server answered within {_client.Settings.ServerSelectionTimeout.TotalSeconds:0.###} s"
                : $"{e.GetType().Name}: {FirstLine(e.Message)}";
            throw new MongoStartupException(
                $"Cannot reach MongoDB at {_where} ({why}). Check ConnectionStrings:Mongo and that the server is running.", e);
        }
        if (ServerCheck.Problem(buildInfo, hello, _where) is { } problem)
            throw new MongoStartupException(problem);

        foreach (var group in MongoSchema.Indexes.GroupBy(i => i.Collection))
        {
            try
            {
                await Collection<BsonDocument>(group.Key).Indexes.CreateManyAsync(group.Select(i => i.ToModel()), ct);
            }
            catch (MongoCommandException e) when (e.Code is 85 or 86)
            {
                throw new MongoStartupException(
                    $"An index on '{group.Key}' exists with other options than this version declares ({FirstLine(e.Message)}). "
                    + "Drop that index once (it is rebuilt at the next start) and restart.", e);
            }
        }
    }

    /// <summary>True when the primary answers a ping now.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken ct = default)
    {
        try
        {
            await Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: ct);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or MongoException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a snapshot transaction committed with majority write concern; the driver retries it
    /// on transient errors (a write conflict with a concurrent transaction, a failover), so work must only read and write
    /// through the session it is given.
    /// </summary>
    internal async Task<T> InTransactionAsync<T>(Func<IClientSessionHandle, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        using var session = await _client.StartSessionAsync(cancellationToken: ct);
        return await session.WithTransactionAsync(
            (s, c) => work(s, c),
            new TransactionOptions(ReadConcern.Snapshot, ReadPreference.Primary, WriteConcern.WMajority.With(journal: true)),
            ct);
    }

    /// <summary>
    /// Like <see cref="InTransactionAsync{T}"/> for a write that may be refused: when <paramref name="work"/> answers false,
    /// or a duplicate key arises anywhere in it (an id or a unique rule already taken), the whole transaction rolls back
    /// and the answer is false.
    /// </summary>
    internal async Task<bool> TryInTransactionAsync(Func<IClientSessionHandle, CancellationToken, Task<bool>> work, CancellationToken ct)
    {
        try
        {
            // Throwing is how a callback makes WithTransactionAsync abort rather than commit.
            return await InTransactionAsync(async (s, c) => await work(s, c) ? true : throw new RefusedException(), ct);
        }
        catch (RefusedException)
        {
            return false;
        }
        catch (Exception e) when (Errors.IsDuplicateKey(e))
        {
            return false;
        }
    }

    /// <summary>A transaction's work answered false: roll back.</summary>
    private sealed class RefusedException : Exception;

    public void Dispose() => _client.Dispose();

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}

/// <summary>Start-up found the server unusable; the message says what to change.</summary>
public sealed class MongoStartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>How the driver reports the server errors the stores react to.</summary>
internal static class Errors
{
    private const int DuplicateKeyCode = 11000;

    public static bool IsDuplicateKey(Exception e) => e switch
    {
        MongoWriteException w => w.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoBulkWriteException b => b.WriteErrors.Any(x => x.Category == ServerErrorCategory.DuplicateKey),
        MongoCommandException c => c.Code == DuplicateKeyCode,
        _ => false,
    };
}
