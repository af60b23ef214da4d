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
    public override IOrganisationStore Organisations { get; }
    public override IServiceStore Services { get; }
    public override IConsultationStore Consultations { get; }
    public override ICommentStore Comments { get; }
    public override ISurveyStore Surveys { get; }
    public override ISurveyResponseStore SurveyResponses { get; }
    public override IRatingStore Ratings { get; }
    public override IParticipantStore Participants { get; }
    public override ITallyStore Tallies { get; }
    public override IAuditLog Audit { get; }
    public override IStaffStore Staff { get; }
    public override IApiTokenStore ApiTokens { get; }
    public override IWidgetKeyStore WidgetKeys { get; }
    public override ITermListStore TermLists { get; }
    public override IModerationItemStore ModerationItems { get; }
    public override ICommentReportStore CommentReports { get; }
    public override Core.Insights.ISentimentFeed SentimentFeed { get; }
    public override Core.Insights.IThemeStore Themes { get; }
    public override Core.Insights.IDriftAlertStore DriftAlerts { get; }
    public override Core.Backlog.IBacklogStore Backlog { get; }
    public override Core.Email.IOutboxStore Outbox { get; }
    public override Core.FollowUps.IFollowUpStore FollowUps { get; }
    public override Core.Email.IEmailSuppressionStore EmailSuppressions { get; }
    public override IEmailChallengeStore EmailChallenges { get; }
    public override Core.Webhooks.IWebhookStore Webhooks { get; }

    public override Task InitializeAsync(CancellationToken ct) => _db.InitializeAsync(ct);

    public override Task<bool> IsHealthyAsync(CancellationToken ct) => _db.IsHealthyAsync(ct);

    public override string Describe() => _db.Describe();

    public override void Dispose()
    {
        _db.Dispose();
        base.Dispose();
    }
}
