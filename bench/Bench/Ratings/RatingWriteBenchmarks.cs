using BenchmarkDotNet.Attributes;
using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Organisations;
using Engagement.Core.Participants;
using Engagement.Core.Ratings;
using Engagement.Storage.Sqlite;

namespace Engagement.Bench.Ratings;

/// <summary>
/// The durable write path of a rating on the embedded store: every operation returns only after COMMIT
/// (WAL, synchronous=FULL). Compares one caller (one rating per commit), sixteen concurrent callers (whose
/// writes the adapter groups into shared commits) and explicit batches of 100 per commit.
/// Results are per rating (OperationsPerInvoke), so the ratios read directly as throughput ratios.
/// </summary>
[Config(typeof(InProcessShortRun))]
public class RatingWriteBenchmarks
{
    private const int Concurrency = 16;
    private const int BatchSize = 100;

    private string _directory = "";
    private SqliteDatabase _db = null!;
    private SqliteRatingStore _ratings = null!;
    private SubmitRating _submit = null!;
    private Service _service = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "engagement-bench", Guid.NewGuid().ToString("N"));
        _db = new SqliteDatabase(Path.Combine(_directory, "bench.db"));
        await _db.InitializeAsync();
        var organisations = new SqliteOrganisationStore(_db);
        var services = new SqliteServiceStore(_db);
        var audit = new SqliteAuditLog(_db);
        _ratings = new SqliteRatingStore(_db);
        var org = (await new CreateOrganisation(organisations, audit, SupportedLanguages.Default, TimeProvider.System)
            .ExecuteAsync(new("bench", LocalizedText.EnFr("Bench", "Banc")), Actor.System)).Value;
        _service = (await new CreateService(organisations, services, audit, SupportedLanguages.Default, TimeProvider.System)
            .ExecuteAsync(new(org.Id, "svc", LocalizedText.EnFr("Service", "Service")), Actor.System)).Value;
        _submit = new SubmitRating(services, _ratings, new SqliteParticipantStore(_db), SupportedLanguages.Default, TimeProvider.System, new Engagement.Core.Screening.NoScreening(),
            new Engagement.Core.Moderation.ModerationQueue(new SqliteModerationItemStore(_db), new SqliteTallyStore(_db), TimeProvider.System, NoLiveNotifier.Instance),
            new Engagement.Core.FollowUps.FollowUpOptIn(new SqliteEmailSuppressionStore(_db), new(), TimeProvider.System), NoLiveNotifier.Instance);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>One rating through the use case: validation, service lookup, insert + tally, COMMIT.</summary>
    [Benchmark(Baseline = true, Description = "SubmitRating, one caller, 1 rating/commit")]
    public async Task<bool> SingleRating() =>
        (await _submit.ExecuteAsync(new(_service.Id, 4, "en", "Quick and easy.", "https://example.gc.ca/apply"))).Succeeded;

    /// <summary>Sixteen callers at once, as a busy widget endpoint would see; their writes share commits (group commit).</summary>
    [Benchmark(OperationsPerInvoke = Concurrency, Description = "SubmitRating, 16 concurrent callers, group commit")]
    public async Task ConcurrentRatings()
    {
        var tasks = new Task[Concurrency];
        for (var i = 0; i < Concurrency; i++)
            tasks[i] = _submit.ExecuteAsync(new(_service.Id, 1 + (i % 5), "fr", null, null));
        await Task.WhenAll(tasks);
    }

    /// <summary>A hundred ratings in one transaction through the batched port.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize, Description = "AddManyAsync, 100 ratings/commit")]
    public async Task<int> BatchOfRatings()
    {
        var now = DateTimeOffset.UtcNow;
        var batch = new ServiceRating[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            batch[i] = new ServiceRating
            {
                Id = Ids.New(), ServiceId = _service.Id, OrganisationId = _service.OrganisationId,
                Score = 1 + (i % 5), Language = "en", CreatedAt = now,
            };
        }
        return await _ratings.AddManyAsync(batch);
    }
}
