using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;
using MongoDB.Driver;

namespace Engagement.Storage.Tests.Mongo;

/// <summary>
/// A database of its own on the MongoDB that <see cref="Variable"/> names, per test class, dropped afterwards. Without the
/// variable nothing connects: every test of a <see cref="MongoContractAttribute"/> class is reported skipped instead.
/// </summary>
public sealed class MongoFixture : IAsyncLifetime
{
    public const string Variable = "ENGAGEMENT_TEST_MONGO";

    private readonly List<MongoStorage> _opened = [];
    private StoreSet? _stores;

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public StoreSet Stores => _stores ?? throw new InvalidOperationException($"{Variable} is not set; these tests should have been skipped.");

    public static StoreSet For(MongoStorage db) => new(
        new MongoOrganisationStore(db),
        new MongoServiceStore(db),
        new MongoConsultationStore(db),
        new MongoCommentStore(db),
        new MongoSurveyStore(db),
        new MongoSurveyResponseStore(db),
        new MongoRatingStore(db),
        new MongoParticipantStore(db),
        new MongoTallyStore(db),
        new MongoAuditLog(db),
        new MongoStaffStore(db),
        new MongoApiTokenStore(db),
        new MongoWidgetKeyStore(db),
        new MongoTermListStore(db),
        new MongoModerationItemStore(db),
        new MongoCommentReportStore(db),
        new MongoSentimentFeed(db),
        new MongoThemeStore(db),
        new MongoDriftAlertStore(db),
        new MongoBacklogStore(db),
        new MongoOutboxStore(db),
        new MongoFollowUpStore(db),
        new MongoEmailSuppressionStore(db),
        new MongoEmailChallengeStore(db),
        new MongoWebhookStore(db));

    public async Task InitializeAsync()
    {
        if (ConnectionString is null)
            return;
        _stores = For(await OpenAsync());
    }

    /// <summary>Stores over another, empty database, for the rules about a whole store ("whether any exists").</summary>
    public async Task<StoreSet> OpenEmptyAsync() => For(await OpenAsync());

    public async Task DisposeAsync()
    {
        foreach (var db in _opened)
        {
            await db.Database.Client.DropDatabaseAsync(db.Database.DatabaseNamespace.DatabaseName);
            db.Dispose();
        }
    }

    private async Task<MongoStorage> OpenAsync()
    {
        var url = new MongoUrlBuilder(ConnectionString) { DatabaseName = $"engagement_test_{Guid.NewGuid():N}" };
        var db = new MongoStorage(url.ToString());
        lock (_opened)
            _opened.Add(db);
        await db.InitializeAsync();
        return db;
    }
}

/// <summary>Marks a contract subclass that runs against MongoDB only when <see cref="MongoFixture.Variable"/> names one.</summary>
public sealed class MongoContractAttribute : NeedsServerAttribute
{
    public override string? SkipReason => MongoFixture.ConnectionString is null
        ? $"{MongoFixture.Variable} is not set: the MongoDB contract run needs a replica set (README: 'Running the MongoDB contract tests'). The offline Mongo tests still run."
        : null;
}
