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
using Engagement.Storage.Sqlite;

namespace Engagement.Api.Storage;

/// <summary>The embedded default: every port on one SQLite file.</summary>
public sealed class SqliteStorageAdapter : StorageAdapter
{
    private readonly SqliteDatabase _db;
    private readonly string _path;

    public SqliteStorageAdapter(string path)
    {
        _path = path;
        _db = new SqliteDatabase(path);
        Organisations = new SqliteOrganisationStore(_db);
        Services = new SqliteServiceStore(_db);
        Consultations = new SqliteConsultationStore(_db);
        Comments = new SqliteCommentStore(_db);
        Surveys = new SqliteSurveyStore(_db);
        SurveyResponses = new SqliteSurveyResponseStore(_db);
        Ratings = new SqliteRatingStore(_db);
        Participants = new SqliteParticipantStore(_db);
        Tallies = new SqliteTallyStore(_db);
        Audit = new SqliteAuditLog(_db);
        Staff = new SqliteStaffStore(_db);
        ApiTokens = new SqliteApiTokenStore(_db);
        WidgetKeys = new SqliteWidgetKeyStore(_db);
        TermLists = new SqliteTermListStore(_db);
        ModerationItems = new SqliteModerationItemStore(_db);
        CommentReports = new SqliteCommentReportStore(_db);
        SentimentFeed = new SqliteSentimentFeed(_db);
        Themes = new SqliteThemeStore(_db);
        DriftAlerts = new SqliteDriftAlertStore(_db);
        Backlog = new SqliteBacklogStore(_db);
        Outbox = new SqliteOutboxStore(_db);
        FollowUps = new SqliteFollowUpStore(_db);
        EmailSuppressions = new SqliteEmailSuppressionStore(_db);
        EmailChallenges = new SqliteEmailChallengeStore(_db);
        Webhooks = new SqliteWebhookStore(_db);
    }

    public override string Name => "Sqlite";

    public override Task InitializeAsync(CancellationToken ct) => _db.InitializeAsync(ct);

    public override Task<bool> IsHealthyAsync(CancellationToken ct) => _db.IsHealthyAsync(ct);

    public override string Describe() => $"SQLite file {_path}";

    public override void Dispose()
    {
        _db.Dispose();
        base.Dispose();
    }
}
