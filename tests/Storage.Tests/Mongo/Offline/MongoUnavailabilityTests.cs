using System.Net;
using System.Reflection;
using Engagement.Core.Common;
using Engagement.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>
/// Which driver failures become the store's unavailability, with which reason, and which stay the driver's own; built
/// the way the driver builds them, with the server's answer where it has one.
/// </summary>
public sealed class MongoUnavailabilityTests
{
    private static readonly ConnectionId Connection = new(new ServerId(new ClusterId(), new DnsEndPoint("db1.example.org", 27017)));
    private static readonly BsonDocument Insert = new("insert", "ratings");

    public static TheoryData<string, int> Busy => new()
    {
        { "NotWritablePrimary", 10107 },
        { "PrimarySteppedDown", 189 },
        { "InterruptedDueToReplStateChange", 11602 },
        { "ShutdownInProgress", 91 },
        { "ElectionInProgress", 216 },
        { "FailedToSatisfyReadPreference", 133 },
        { "LockTimeout", 24 },
        { "MaxTimeMSExpired", 50 },
        { "WriteConflict", 112 },
        { "ExceededTimeLimit", 262 },
    };

    [Theory]
    [MemberData(nameof(Busy))]
    public void A_server_refusal_that_passes_is_Busy_and_says_nothing_was_saved(string codeName, int code)
    {
        var unavailable = Classify(Command(code, codeName));

        Assert.Equal(StoreUnavailableReason.Busy, unavailable.Reason);
        Assert.Contains("nothing was saved", unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_primary_is_Busy()
    {
        Assert.Equal(StoreUnavailableReason.Busy, Classify(new MongoNotPrimaryException(Connection, Insert, Result(10107, "NotWritablePrimary"))).Reason);
    }

    [Fact]
    public void A_node_that_is_recovering_is_Busy()
    {
        Assert.Equal(StoreUnavailableReason.Busy, Classify(new MongoNodeIsRecoveringException(Connection, Insert, Result(11600, "InterruptedAtShutdown"))).Reason);
    }

    [Fact]
    public void A_server_time_limit_is_Busy()
    {
        Assert.Equal(StoreUnavailableReason.Busy, Classify(new MongoExecutionTimeoutException(Connection, "operation exceeded time limit")).Reason);
    }

    [Fact]
    public void A_full_connection_wait_queue_is_Busy()
    {
        Assert.Equal(StoreUnavailableReason.Busy, Classify(new MongoWaitQueueFullException("The wait queue for acquiring a connection is full.")).Reason);
    }

    [Fact]
    public void A_transient_transaction_error_of_any_code_is_Busy()
    {
        var noSuchTransaction = Command(251, "NoSuchTransaction");
        noSuchTransaction.AddErrorLabel("TransientTransactionError");

        Assert.Equal(StoreUnavailableReason.Busy, Classify(noSuchTransaction).Reason);
    }

    [Fact]
    public void Out_of_disk_space_is_Full_and_says_nothing_was_saved()
    {
        var unavailable = Classify(Command(14031, "OutOfDiskSpace"));

        Assert.Equal(StoreUnavailableReason.Full, unavailable.Reason);
        Assert.Contains("nothing was saved", unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_disk_space_on_a_single_write_is_Full()
    {
        Assert.Equal(StoreUnavailableReason.Full, Classify(Write(WriteErrorOf(ServerErrorCategory.Uncategorized, 14031))).Reason);
    }

    public static TheoryData<Exception> Failing => new()
    {
        new TimeoutException("A timeout occurred after 300ms selecting a server using CompositeServerSelector."),
        new MongoConnectionException(Connection, "An exception occurred while receiving a message from the server.", new IOException("Connection reset by peer")),
        new MongoConnectionClosedException(Connection),
        new MongoConnectionPoolPausedException("The connection pool is in paused state for server db1.example.org:27017."),
        Command(6, "HostUnreachable"),
        Command(89, "NetworkTimeout"),
        Command(9001, "SocketException"),
    };

    [Theory]
    [MemberData(nameof(Failing))]
    public void A_server_out_of_reach_is_Failing_and_says_a_write_may_have_been_saved(Exception driver)
    {
        var unavailable = Classify(driver);

        Assert.Equal(StoreUnavailableReason.Failing, unavailable.Reason);
        Assert.Contains("may or may not", unavailable.Message, StringComparison.Ordinal);
        Assert.Same(driver, unavailable.InnerException);
    }

    [Fact]
    public void An_unknown_commit_result_is_Failing_whatever_its_code_because_the_transaction_may_be_in()
    {
        var timedOut = new MongoExecutionTimeoutException(Connection, "operation exceeded time limit");
        timedOut.AddErrorLabel("UnknownTransactionCommitResult");

        var unavailable = Classify(timedOut);

        Assert.Equal(StoreUnavailableReason.Failing, unavailable.Reason);
        Assert.Contains("may or may not", unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_a_majority_did_not_confirm_in_time_is_Failing_because_the_primary_has_it()
    {
        var wtimeout = new MongoWriteConcernException(Connection, "waiting for replication timed out",
            new WriteConcernResult(new BsonDocument { { "ok", 1 }, { "n", 1 }, { "writeConcernError", new BsonDocument { { "code", 64 }, { "errmsg", "waiting for replication timed out" } } } }));

        var unavailable = Classify(wtimeout);

        Assert.Equal(StoreUnavailableReason.Failing, unavailable.Reason);
        Assert.Contains("may or may not", unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_write_with_only_a_write_concern_error_is_Failing()
    {
        Assert.Equal(StoreUnavailableReason.Failing, Classify(Write(null, WriteConcernErrorOf(64, "WriteConcernFailed"))).Reason);
    }

    [Fact]
    public void A_bulk_write_refused_by_elections_only_is_Busy()
    {
        var bulk = Bulk(BulkWriteErrorOf(0, ServerErrorCategory.Uncategorized, 10107), BulkWriteErrorOf(1, ServerErrorCategory.Uncategorized, 189));

        Assert.Equal(StoreUnavailableReason.Busy, Classify(bulk).Reason);
    }

    [Fact]
    public void A_bulk_write_with_only_a_write_concern_error_is_Failing()
    {
        var bulk = new MongoBulkWriteException<BsonDocument>(Connection, BulkResult(), [], WriteConcernErrorOf(64, "WriteConcernFailed"), []);

        Assert.Equal(StoreUnavailableReason.Failing, Classify(bulk).Reason);
    }

    public static TheoryData<Exception> Faults => new()
    {
        Command(11000, "DuplicateKey"),
        Command(121, "DocumentValidationFailure"),
        Command(2, "BadValue"),
        Command(13, "Unauthorized"),
        Write(WriteErrorOf(ServerErrorCategory.DuplicateKey, 11000)),
        Write(WriteErrorOf(ServerErrorCategory.Uncategorized, 121)),
        // A refused document is reported as it is, even when the write concern also failed.
        Write(WriteErrorOf(ServerErrorCategory.DuplicateKey, 11000), WriteConcernErrorOf(64, "WriteConcernFailed")),
        Bulk(BulkWriteErrorOf(0, ServerErrorCategory.DuplicateKey, 11000)),
        Bulk(BulkWriteErrorOf(0, ServerErrorCategory.Uncategorized, 10107), BulkWriteErrorOf(1, ServerErrorCategory.DuplicateKey, 11000)),
        new MongoDuplicateKeyException(Connection, "E11000 duplicate key error", new WriteConcernResult(new BsonDocument { { "ok", 1 }, { "err", "E11000" }, { "code", 11000 } })),
        new MongoAuthenticationException(Connection, "Unable to authenticate using sasl protocol mechanism SCRAM-SHA-256."),
        new MongoClientException("Standalone servers do not support transactions."),
        new FormatException("An error occurred while deserializing the Score property."),
        new InvalidOperationException("Sequence contains no elements."),
        new OperationCanceledException(),
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_refusal_a_bug_or_a_cancellation_is_not_unavailability(Exception driver)
    {
        Assert.Null(MongoUnavailability.Classify(driver));
    }

    [Fact]
    public void Messages_name_neither_the_servers_nor_the_server_s_own_words()
    {
        IEnumerable<object[]> busy = Busy, failing = Failing;
        var exceptions = busy.Select(row => (Exception)Command((int)row[1], (string)row[0]))
            .Concat(failing.Select(row => (Exception)row[0]))
            .Append(Command(14031, "OutOfDiskSpace"));

        Assert.All(exceptions, e =>
        {
            var message = Classify(e).Message;
            Assert.DoesNotContain("db1.example.org", message, StringComparison.Ordinal);
            Assert.DoesNotContain(e.Message, message, StringComparison.Ordinal);
        });
    }

    private static StoreUnavailableException Classify(Exception e) =>
        MongoUnavailability.Classify(e) ?? throw new Xunit.Sdk.XunitException($"{e.GetType().Name} ({e.Message}) was not classified.");

    private static BsonDocument Result(int code, string codeName) =>
        new() { { "ok", 0 }, { "code", code }, { "codeName", codeName }, { "errmsg", $"{codeName} from the server" } };

    private static MongoCommandException Command(int code, string codeName) =>
        new(Connection, $"Command insert failed: {codeName} from the server.", Insert, Result(code, codeName));

    // The driver builds write errors itself from the server's answer; their constructors are internal.
    private static WriteError WriteErrorOf(ServerErrorCategory category, int code) =>
        Construct<WriteError>(category, code, $"error {code}", new BsonDocument());

    private static BulkWriteError BulkWriteErrorOf(int index, ServerErrorCategory category, int code) =>
        Construct<BulkWriteError>(index, category, code, $"error {code}", new BsonDocument());

    private static WriteConcernError WriteConcernErrorOf(int code, string codeName) =>
        Construct<WriteConcernError>(code, codeName, "waiting for replication timed out", new BsonDocument(), Array.Empty<string>());

    private static MongoWriteException Write(WriteError? error, WriteConcernError? concern = null) => new(Connection, error, concern, null);

    private static MongoBulkWriteException<BsonDocument> Bulk(params BulkWriteError[] errors) =>
        new(Connection, BulkResult(), errors, null, []);

    private static BulkWriteResult<BsonDocument> BulkResult() => new BulkWriteResult<BsonDocument>.Acknowledged(
        0, 0, 0, 0, 0, [], []);

    private static T Construct<T>(params object?[] args) =>
        (T)Activator.CreateInstance(typeof(T), BindingFlags.Instance | BindingFlags.NonPublic, binder: null, args, culture: null)!;
}
