using Engagement.Core.Common;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;
using Engagement.Storage.Sqlite;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>
/// Concurrent writes share one COMMIT (group commit); each caller must still get its own answer, and only
/// after the data is durable.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "engagement-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteDatabase> _opened = [];

    public void Dispose()
    {
        foreach (var db in _opened)
            db.Dispose();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Concurrent_writes_each_get_their_own_answer_when_some_are_refused_or_fail()
    {
        var db = await OpenAsync();
        var ratings = new SqliteRatingStore(db);
        var serviceId = Ids.New();
        var taken = Make.Rating(Ids.New(), serviceId);
        Assert.True(await ratings.TryAddAsync(taken));

        // 200 good ratings, 20 reusing the taken id (refused), 20 with a null id (a NOT NULL failure).
        var good = Enumerable.Range(0, 200).Select(i => Make.Rating(taken.OrganisationId, serviceId, score: 1 + (i % 5))).ToArray();
        var duplicates = Enumerable.Range(0, 20).Select(_ => Make.Rating(taken.OrganisationId, serviceId, id: taken.Id)).ToArray();
        var broken = Enumerable.Range(0, 20).Select(_ => Make.Rating(taken.OrganisationId, serviceId) with { Id = null! }).ToArray();

        var goodTasks = good.Select(r => Task.Run(() => ratings.TryAddAsync(r))).ToArray();
        var duplicateTasks = duplicates.Select(r => Task.Run(() => ratings.TryAddAsync(r))).ToArray();
        var brokenTasks = broken.Select(r => Task.Run(() => ratings.TryAddAsync(r))).ToArray();
        await Task.WhenAll(goodTasks.Concat(duplicateTasks).Select(t => (Task)t).Concat(brokenTasks.Select(t => t.ContinueWith(_ => { }))));

        Assert.All(goodTasks, t => Assert.True(t.Result));
        Assert.All(duplicateTasks, t => Assert.False(t.Result));
        Assert.All(brokenTasks, t => Assert.True(t.IsFaulted));

        var tally = await new SqliteTallyStore(db).GetAsync(TallyScopes.Service(serviceId));
        Assert.Equal(201, tally.Counts.Values.Sum());
        var stored = await ratings.ListAsync(serviceId, PageRequest.First(PageRequest.MaxLimit));
        var all = new List<ServiceRating>(stored.Items);
        while (stored.Next is { } next)
        {
            stored = await ratings.ListAsync(serviceId, new PageRequest(next, PageRequest.MaxLimit));
            all.AddRange(stored.Items);
        }
        Assert.Equal(good.Select(r => r.Id).Append(taken.Id).Order(), all.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task A_write_that_refuses_or_throws_after_changing_rows_is_undone_alone_while_its_group_commits()
    {
        var db = await OpenAsync();
        var scope = $"test:{Ids.New()}";
        void Count(Microsoft.Data.Sqlite.SqliteTransaction tx, string bucket) => tx.Apply(new TallyDelta().Add(scope, bucket));

        // Each write counts first and then decides; 300 at once are grouped into shared transactions.
        var writes = Enumerable.Range(0, 300).Select(i => Task.Run(() => (i % 3) switch
        {
            0 => db.TryWriteAsync(tx => { Count(tx, "kept"); return true; }, default),
            1 => db.TryWriteAsync(tx => { Count(tx, "refused"); return false; }, default),
            _ => db.TryWriteAsync(tx => { Count(tx, "thrown"); throw new InvalidOperationException("boom"); }, default),
        })).ToArray();
        await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { })));

        var tally = await new SqliteTallyStore(db).GetAsync(scope);
        Assert.Equal(100, tally["kept"]);
        Assert.Equal(0, tally["refused"]);
        Assert.Equal(0, tally["thrown"]);
        Assert.Equal(100, writes.Count(w => w.IsCompletedSuccessfully && w.Result));
        Assert.Equal(100, writes.Count(w => w.IsCompletedSuccessfully && !w.Result));
        Assert.Equal(100, writes.Count(w => w.IsFaulted && w.Exception!.InnerException is InvalidOperationException));
    }

    [Fact]
    public async Task Every_acknowledged_write_is_read_by_another_instance_on_the_same_file()
    {
        var db = await OpenAsync();
        var serviceId = Ids.New();
        var batch = Enumerable.Range(0, 100).Select(_ => Make.Rating(Ids.New(), serviceId)).ToArray();

        await Task.WhenAll(batch.Select(r => Task.Run(() => new SqliteRatingStore(db).TryAddAsync(r))));
        var other = await OpenAsync();

        var tally = await new SqliteTallyStore(other).GetAsync(TallyScopes.Service(serviceId));
        Assert.Equal(100, tally.Counts.Values.Sum());
    }

    [Fact]
    public async Task Dispose_answers_the_writes_already_queued_before_it_returns()
    {
        var db = await OpenAsync();
        var ratings = new SqliteRatingStore(db);
        var serviceId = Ids.New();

        var writes = Enumerable.Range(0, 50).Select(_ => ratings.TryAddAsync(Make.Rating(Ids.New(), serviceId))).ToArray();
        db.Dispose();

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully && w.Result));
        var reopened = await OpenAsync();
        Assert.Equal(50, (await new SqliteTallyStore(reopened).GetAsync(TallyScopes.Service(serviceId))).Counts.Values.Sum());
    }

    [Fact]
    public async Task A_write_cancelled_before_it_starts_is_not_made()
    {
        var db = await OpenAsync();
        var rating = Make.Rating(Ids.New(), Ids.New());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new SqliteRatingStore(db).TryAddAsync(rating, ct: cancelled.Token));

        Assert.Empty((await new SqliteTallyStore(db).GetAsync(TallyScopes.Service(rating.ServiceId))).Counts);
    }

    private async Task<SqliteDatabase> OpenAsync()
    {
        var db = new SqliteDatabase(Path.Combine(_directory, "engagement.db"));
        _opened.Add(db);
        await db.InitializeAsync();
        return db;
    }
}
