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
        Organisations = new MongoOrganisationStore(_db);
        Services = new MongoServiceStore(_db);
        Consultations = new MongoConsultationStore(_db);
        Comments = new MongoCommentStore(_db);
        Surveys = new MongoSurveyStore(_db);
        SurveyResponses = new MongoSurveyResponseStore(_db);
        Ratings = new MongoRatingStore(_db);
        Participants = new MongoParticipantStore(_db);
        Tallies = new MongoTallyStore(_db);
        Audit = new MongoAuditLog(_db);
        Staff = new MongoStaffStore(_db);
        ApiTokens = new MongoApiTokenStore(_db);
        WidgetKeys = new MongoWidgetKeyStore(_db);
        TermLists = new MongoTermListStore(_db);
        ModerationItems = new MongoModerationItemStore(_db);
        CommentReports = new MongoCommentReportStore(_db);
        SentimentFeed = new MongoSentimentFeed(_db);
        Themes = new MongoThemeStore(_db);
        DriftAlerts = new MongoDriftAlertStore(_db);
        Backlog = new MongoBacklogStore(_db);
        Outbox = new MongoOutboxStore(_db);
        FollowUps = new MongoFollowUpStore(_db);
        EmailSuppressions = new MongoEmailSuppressionStore(_db);
        EmailChallenges = new MongoEmailChallengeStore(_db);
        Webhooks = new MongoWebhookStore(_db);
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
