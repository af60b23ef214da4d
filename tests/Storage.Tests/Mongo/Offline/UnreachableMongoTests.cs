using Engagement.Core.Common;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>
/// The stores over a MongoDB nobody answers on (as during an outage after start-up, which the start-up check cannot see):
/// reads, single-document writes, transactions and pages all report the store unavailable, naming no server or secret.
/// </summary>
public sealed class UnreachableMongoTests : IDisposable
{
    // Port 1 on loopback: nothing listens there, so the connection is refused at once and selection gives up after 300 ms.
    private const string Unreachable = "mongodb://app:s3cret@127.0.0.1:1/engagement?serverSelectionTimeoutMS=300&connectTimeoutMS=300";

    private readonly MongoStorage _db = new(Unreachable);
    private readonly StoreSet _stores;

    public UnreachableMongoTests() => _stores = MongoFixture.For(_db);

    [Fact]
    public void A_call_waits_five_seconds_for_a_server_unless_the_connection_string_says_otherwise()
    {
        using var unset = new MongoStorage("mongodb://127.0.0.1:1/engagement");
        using var set = new MongoStorage("mongodb://127.0.0.1:1/engagement?serverSelectionTimeoutMS=45000");

        // Below GraphQL's 10 s request limit, so an outage is reported as UNAVAILABLE before the request times out.
        Assert.Equal(TimeSpan.FromSeconds(5), unset.ServerSelectionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), set.ServerSelectionTimeout);
    }

    [Fact]
    public async Task A_read_reports_the_store_Failing()
    {
        await AssertUnavailableAsync(() => _stores.Organisations.GetAsync("org-1"));
    }

    [Fact]
    public async Task A_single_document_write_reports_the_store_Failing()
    {
        await AssertUnavailableAsync(() => _stores.Staff.TryAddAsync(Make.Staff()));
    }

    [Fact]
    public async Task A_transactional_write_reports_the_store_Failing()
    {
        var organisation = Make.Organisation();
        await AssertUnavailableAsync(() => _stores.Ratings.TryAddAsync(Make.Rating(organisation.Id, "svc-1")));
    }

    [Fact]
    public async Task A_paged_query_reports_the_store_Failing()
    {
        await AssertUnavailableAsync(() => _stores.Comments.ListTopLevelAsync("consultation-1", null, new PageRequest(null, 20)));
    }

    [Fact]
    public async Task Cancellation_stays_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _stores.Organisations.GetAsync("org-1", cancelled.Token));
    }

    public void Dispose() => _db.Dispose();

    private static async Task AssertUnavailableAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(call);

        Assert.Equal(StoreUnavailableReason.Failing, error.Reason);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("mongodb://", error.Message, StringComparison.Ordinal);
    }
}
