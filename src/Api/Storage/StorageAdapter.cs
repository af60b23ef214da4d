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

namespace Engagement.Api.Storage;

/// <summary>One storage adapter's set of ports plus its start-up and health hooks; one subclass per provider.</summary>
public abstract class StorageAdapter : IDisposable
{
    /// <summary>Set by each subclass's constructor: every port on the one store.</summary>
    protected StorageAdapter()
    {
    }

    /// <summary>A decorator's start: the same ports as <paramref name="inner"/> (tests change only the hooks).</summary>
    protected StorageAdapter(StorageAdapter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Organisations = inner.Organisations;
        Services = inner.Services;
        Consultations = inner.Consultations;
        Comments = inner.Comments;
        Surveys = inner.Surveys;
        SurveyResponses = inner.SurveyResponses;
        Ratings = inner.Ratings;
        Participants = inner.Participants;
        Tallies = inner.Tallies;
        Audit = inner.Audit;
        Staff = inner.Staff;
        ApiTokens = inner.ApiTokens;
        WidgetKeys = inner.WidgetKeys;
        TermLists = inner.TermLists;
        ModerationItems = inner.ModerationItems;
        CommentReports = inner.CommentReports;
        SentimentFeed = inner.SentimentFeed;
        Themes = inner.Themes;
        DriftAlerts = inner.DriftAlerts;
        Backlog = inner.Backlog;
        Outbox = inner.Outbox;
        FollowUps = inner.FollowUps;
        EmailSuppressions = inner.EmailSuppressions;
        EmailChallenges = inner.EmailChallenges;
        Webhooks = inner.Webhooks;
    }

    public abstract string Name { get; }
    public IOrganisationStore Organisations { get; protected init; } = null!;
    public IServiceStore Services { get; protected init; } = null!;
    public IConsultationStore Consultations { get; protected init; } = null!;
    public ICommentStore Comments { get; protected init; } = null!;
    public ISurveyStore Surveys { get; protected init; } = null!;
    public ISurveyResponseStore SurveyResponses { get; protected init; } = null!;
    public IRatingStore Ratings { get; protected init; } = null!;
    public IParticipantStore Participants { get; protected init; } = null!;
    public ITallyStore Tallies { get; protected init; } = null!;
    public IAuditLog Audit { get; protected init; } = null!;
    public IStaffStore Staff { get; protected init; } = null!;
    public IApiTokenStore ApiTokens { get; protected init; } = null!;
    public IWidgetKeyStore WidgetKeys { get; protected init; } = null!;
    public ITermListStore TermLists { get; protected init; } = null!;
    public IModerationItemStore ModerationItems { get; protected init; } = null!;
    public ICommentReportStore CommentReports { get; protected init; } = null!;
    public Core.Insights.ISentimentFeed SentimentFeed { get; protected init; } = null!;
    public Core.Insights.IThemeStore Themes { get; protected init; } = null!;
    public Core.Insights.IDriftAlertStore DriftAlerts { get; protected init; } = null!;
    public Core.Backlog.IBacklogStore Backlog { get; protected init; } = null!;
    public Core.Email.IOutboxStore Outbox { get; protected init; } = null!;
    public Core.FollowUps.IFollowUpStore FollowUps { get; protected init; } = null!;
    public Core.Email.IEmailSuppressionStore EmailSuppressions { get; protected init; } = null!;
    public IEmailChallengeStore EmailChallenges { get; protected init; } = null!;
    public Core.Webhooks.IWebhookStore Webhooks { get; protected init; } = null!;

    /// <summary>Creates or migrates the schema and indexes; idempotent.</summary>
    public abstract Task InitializeAsync(CancellationToken ct);

    /// <summary>Whether the store answers a trivial query now.</summary>
    public abstract Task<bool> IsHealthyAsync(CancellationToken ct);

    /// <summary>Where the data lives, for the start-up log (never a secret).</summary>
    public abstract string Describe();

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
