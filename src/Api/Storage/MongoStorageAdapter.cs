using Engagement.Core.ApiTokens;
using Engagement.Core.Moderation;
using Engagement.Core.Widgets;
using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Participants;
using Engagement.Core.Ratings;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;
using Engagement.Storage.Mongo;

namespace Engagement.Api.Storage;

/// <summary>The production store: every port on one MongoDB database (a replica set or sharded cluster).</summary>
public sealed class MongoStorageAdapter : StorageAdapter
{
    private readonly MongoStorage _db;

    public MongoStorageAdapter(string connectionString)
    {
        _db = new MongoStorage(connectionString);
        Organisations = MongoPortGuard.Guard<IOrganisationStore>(new MongoOrganisationStore(_db));
        Services = MongoPortGuard.Guard<IServiceStore>(new MongoServiceStore(_db));
        Consultations = MongoPortGuard.Guard<IConsultationStore>(new MongoConsultationStore(_db));
        Comments = MongoPortGuard.Guard<ICommentStore>(new MongoCommentStore(_db));
        Surveys = MongoPortGuard.Guard<ISurveyStore>(new MongoSurveyStore(_db));
        SurveyResponses = MongoPortGuard.Guard<ISurveyResponseStore>(new MongoSurveyResponseStore(_db));
        Ratings = MongoPortGuard.Guard<IRatingStore>(new MongoRatingStore(_db));
        Participants = MongoPortGuard.Guard<IParticipantStore>(new MongoParticipantStore(_db));
        Tallies = MongoPortGuard.Guard<ITallyStore>(new MongoTallyStore(_db));
        Audit = MongoPortGuard.Guard<IAuditLog>(new MongoAuditLog(_db));
        Staff = MongoPortGuard.Guard<IStaffStore>(new MongoStaffStore(_db));
        ApiTokens = MongoPortGuard.Guard<IApiTokenStore>(new MongoApiTokenStore(_db));
        WidgetKeys = MongoPortGuard.Guard<IWidgetKeyStore>(new MongoWidgetKeyStore(_db));
        TermLists = MongoPortGuard.Guard<ITermListStore>(new MongoTermListStore(_db));
        ModerationItems = MongoPortGuard.Guard<IModerationItemStore>(new MongoModerationItemStore(_db));
        CommentReports = MongoPortGuard.Guard<ICommentReportStore>(new MongoCommentReportStore(_db));
        SentimentFeed = MongoPortGuard.Guard<Core.Insights.ISentimentFeed>(new MongoSentimentFeed(_db));
        Themes = MongoPortGuard.Guard<Core.Insights.IThemeStore>(new MongoThemeStore(_db));
        DriftAlerts = MongoPortGuard.Guard<Core.Insights.IDriftAlertStore>(new MongoDriftAlertStore(_db));
        Backlog = MongoPortGuard.Guard<Core.Backlog.IBacklogStore>(new MongoBacklogStore(_db));
        Outbox = MongoPortGuard.Guard<Core.Email.IOutboxStore>(new MongoOutboxStore(_db));
        FollowUps = MongoPortGuard.Guard<Core.FollowUps.IFollowUpStore>(new MongoFollowUpStore(_db));
        EmailSuppressions = MongoPortGuard.Guard<Core.Email.IEmailSuppressionStore>(new MongoEmailSuppressionStore(_db));
        EmailChallenges = MongoPortGuard.Guard<IEmailChallengeStore>(new MongoEmailChallengeStore(_db));
        Webhooks = MongoPortGuard.Guard<Core.Webhooks.IWebhookStore>(new MongoWebhookStore(_db));
    }

    public override string Name => "Mongo";

    public override Task InitializeAsync(CancellationToken ct) => _db.InitializeAsync(ct);

    public override Task<bool> IsHealthyAsync(CancellationToken ct) => _db.IsHealthyAsync(ct);

    public override string Describe() => _db.Describe();

    public override void Dispose()
    {
        _db.Dispose();
        base.Dispose();
    }
}
