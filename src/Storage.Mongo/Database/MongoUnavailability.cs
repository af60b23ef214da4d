using Engagement.Core.Common;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// Which of the driver's failures pass (an election, a pool or lock that frees up, a full disk, a server out of reach) and
/// so become <see cref="StoreUnavailableException"/>; everything else (a duplicate key, a validation error, a bug, a bad
/// credential) stays the driver's exception and surfaces as the fault it is.
/// </summary>
/// <remarks>
/// The API tells callers "nothing was saved" for <see cref="StoreUnavailableReason.Busy"/> and
/// <see cref="StoreUnavailableReason.Full"/>, and "may not have been saved" for <see cref="StoreUnavailableReason.Failing"/>,
/// so every condition after which a write may already be on the server is Failing, whatever its cause. Messages name
/// neither the servers nor the connection string: they can reach callers, and the driver's exception stays inside for the log.
/// </remarks>
internal static class MongoUnavailability
{
    // https://github.com/mongodb/mongo/blob/master/src/mongo/base/error_codes.yml
    private const int OutOfDiskSpace = 14031;

    // No writable primary on this member just now: an election, a step-down, a restart. The server refused the operation.
    // The one exception the driver cannot report: a retried write whose first answer was lost on the old primary may be
    // kept even though the retry met the election. That takes two faults in one call; we accept the wording for it.
    private static readonly HashSet<int> NoPrimary =
    [
        91,    // ShutdownInProgress
        133,   // FailedToSatisfyReadPreference (mongos found no primary for a shard)
        189,   // PrimarySteppedDown
        216,   // ElectionInProgress
        10058, // LegacyNotPrimary
        10107, // NotWritablePrimary
        11600, // InterruptedAtShutdown
        11602, // InterruptedDueToReplStateChange
        13435, // NotPrimaryNoSecondaryOk
        13436, // NotPrimaryOrSecondary
    ];

    // The server gave up waiting (for a lock, for time, for a conflicting transaction) and undid the operation.
    private static readonly HashSet<int> GaveUp =
    [
        24,  // LockTimeout
        50,  // MaxTimeMSExpired
        112, // WriteConflict
        262, // ExceededTimeLimit
    ];

    // A router or member could not reach another member mid-operation: part of the work may have been done.
    private static readonly HashSet<int> LostMember =
    [
        6,    // HostUnreachable
        7,    // HostNotFound
        89,   // NetworkTimeout
        202,  // NetworkInterfaceExceededTimeLimit
        9001, // SocketException
    ];

    /// <summary>The store's unavailability that <paramref name="e"/> reports, or null when it is not one that passes.</summary>
    public static StoreUnavailableException? Classify(Exception e) => e switch
    {
        // The commit was sent and its answer lost: the transaction may be in, so it must not be called "nothing saved".
        MongoException m when m.HasErrorLabel("UnknownTransactionCommitResult") => CommitUnknown(e),
        // A wrong or revoked credential does not pass by trying again; operators must see it as the fault it is.
        MongoAuthenticationException => null,
        MongoConnectionException => ConnectionLost(e),
        // The driver pauses a server's pool once it has marked the server unreachable.
        MongoConnectionPoolPausedException => Unreachable(e),
        MongoWaitQueueFullException => Busy("Every connection to the database is in use", e),
        // Server selection gave up (no primary reachable), or a connection did; a commit's retry can time out this way too.
        TimeoutException => Unreachable(e),
        MongoWriteException w => w.WriteError is { } error ? FromCode(error.Code, e) : w.WriteConcernError is not null ? NotConfirmed(e) : null,
        MongoBulkWriteException b => b.WriteErrors.Count > 0 ? FromCodes(b.WriteErrors.Select(x => x.Code), e) : b.WriteConcernError is not null ? NotConfirmed(e) : null,
        // A legacy duplicate key comes as a write concern exception; it is a refusal, not an outage.
        MongoDuplicateKeyException => null,
        // The primary applied the write but a majority did not confirm it in time: it may be kept or rolled back.
        MongoWriteConcernException => NotConfirmed(e),
        MongoNotPrimaryException or MongoNodeIsRecoveringException => NoPrimaryNow(e),
        MongoExecutionTimeoutException => GaveUpNow(e),
        // A transaction aborted whole (a conflict, an election mid-transaction) after the driver's own retries: nothing is in.
        MongoException m => (m is MongoCommandException c ? FromCode(c.Code, e) : null)
            ?? (m.HasErrorLabel("TransientTransactionError") ? GaveUpNow(e) : null),
        _ => null,
    };

    private static StoreUnavailableException? FromCodes(IEnumerable<int> codes, Exception e)
    {
        // One refused document (a duplicate, a validation error) makes the whole write a fault to report as it is.
        var classified = codes.Select(code => FromCode(code, e)).ToList();
        return classified.All(x => x is not null) ? classified[0] : null;
    }

    private static StoreUnavailableException? FromCode(int code, Exception e) => code switch
    {
        OutOfDiskSpace => new StoreUnavailableException(StoreUnavailableReason.Full,
            "The database's disk is full; nothing was saved.", e),
        _ when NoPrimary.Contains(code) => NoPrimaryNow(e),
        _ when GaveUp.Contains(code) => GaveUpNow(e),
        _ when LostMember.Contains(code) => ConnectionLost(e),
        _ => null,
    };

    private static StoreUnavailableException NoPrimaryNow(Exception e) =>
        Busy("The database has no primary just now (an election or a restart is under way)", e);

    private static StoreUnavailableException GaveUpNow(Exception e) =>
        Busy("The database gave up on the operation (a lock or time limit, or a conflicting write)", e);

    private static StoreUnavailableException Busy(string what, Exception e) =>
        new(StoreUnavailableReason.Busy, what + "; nothing was saved.", e);

    private static StoreUnavailableException Unreachable(Exception e) =>
        new(StoreUnavailableReason.Failing, "No database server answered in time; a write may or may not have been saved.", e);

    private static StoreUnavailableException NotConfirmed(Exception e) =>
        new(StoreUnavailableReason.Failing,
            "The database took the write but a majority of its members did not confirm it in time; it may or may not be kept.", e);

    private static StoreUnavailableException CommitUnknown(Exception e) => new(StoreUnavailableReason.Failing,
        "The database could not confirm whether the transaction was committed; it may or may not have been saved.", e);

    private static StoreUnavailableException ConnectionLost(Exception e) => new(StoreUnavailableReason.Failing,
        "A connection to or within the database failed during the call; a write may or may not have been saved.", e);
}
