using Engagement.Core.ApiTokens;
using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Consultations;
using Engagement.Core.Moderation;
using Engagement.Core.Organisations;
using Engagement.Core.Participants;
using Engagement.Core.Ratings;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;
using Engagement.Core.Widgets;
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

    // Guarded as the host's adapter guards them, so the contract run goes through the same decorator.
    public static StoreSet For(MongoStorage db) => new(
        MongoPortGuard.Guard<IOrganisationStore>(new MongoOrganisationStore(db)),
        MongoPortGuard.Guard<IServiceStore>(new MongoServiceStore(db)),
        MongoPortGuard.Guard<IConsultationStore>(new MongoConsultationStore(db)),
        MongoPortGuard.Guard<ICommentStore>(new MongoCommentStore(db)),
        MongoPortGuard.Guard<ISurveyStore>(new MongoSurveyStore(db)),
        MongoPortGuard.Guard<ISurveyResponseStore>(new MongoSurveyResponseStore(db)),
        MongoPortGuard.Guard<IRatingStore>(new MongoRatingStore(db)),
        MongoPortGuard.Guard<IParticipantStore>(new MongoParticipantStore(db)),
        MongoPortGuard.Guard<ITallyStore>(new MongoTallyStore(db)),
        MongoPortGuard.Guard<IAuditLog>(new MongoAuditLog(db)),
        MongoPortGuard.Guard<IStaffStore>(new MongoStaffStore(db)),
        MongoPortGuard.Guard<IApiTokenStore>(new MongoApiTokenStore(db)),
        MongoPortGuard.Guard<IWidgetKeyStore>(new MongoWidgetKeyStore(db)),
        MongoPortGuard.Guard<ITermListStore>(new MongoTermListStore(db)),
        MongoPortGuard.Guard<IModerationItemStore>(new MongoModerationItemStore(db)),
        MongoPortGuard.Guard<ICommentReportStore>(new MongoCommentReportStore(db)),
        MongoPortGuard.Guard<Core.Insights.ISentimentFeed>(new MongoSentimentFeed(db)),
        MongoPortGuard.Guard<Core.Insights.IThemeStore>(new MongoThemeStore(db)),
        MongoPortGuard.Guard<Core.Insights.IDriftAlertStore>(new MongoDriftAlertStore(db)),
        MongoPortGuard.Guard<Core.Backlog.IBacklogStore>(new MongoBacklogStore(db)),
        MongoPortGuard.Guard<Core.Email.IOutboxStore>(new MongoOutboxStore(db)),
        MongoPortGuard.Guard<Core.FollowUps.IFollowUpStore>(new MongoFollowUpStore(db)),
        MongoPortGuard.Guard<Core.Email.IEmailSuppressionStore>(new MongoEmailSuppressionStore(db)),
        MongoPortGuard.Guard<IEmailChallengeStore>(new MongoEmailChallengeStore(db)),
        MongoPortGuard.Guard<Core.Webhooks.IWebhookStore>(new MongoWebhookStore(db)));

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
