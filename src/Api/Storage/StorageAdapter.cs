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
    public abstract string Name { get; }
    public abstract IOrganisationStore Organisations { get; }
    public abstract IServiceStore Services { get; }
    public abstract IConsultationStore Consultations { get; }
    public abstract ICommentStore Comments { get; }
    public abstract ISurveyStore Surveys { get; }
    public abstract ISurveyResponseStore SurveyResponses { get; }
    public abstract IRatingStore Ratings { get; }
    public abstract IParticipantStore Participants { get; }
    public abstract ITallyStore Tallies { get; }
    public abstract IAuditLog Audit { get; }
    public abstract IStaffStore Staff { get; }
    public abstract IApiTokenStore ApiTokens { get; }
    public abstract IWidgetKeyStore WidgetKeys { get; }
    public abstract ITermListStore TermLists { get; }
    public abstract IModerationItemStore ModerationItems { get; }
    public abstract ICommentReportStore CommentReports { get; }
    public abstract Core.Insights.ISentimentFeed SentimentFeed { get; }
    public abstract Core.Insights.IThemeStore Themes { get; }
    public abstract Core.Insights.IDriftAlertStore DriftAlerts { get; }
    public abstract Core.Backlog.IBacklogStore Backlog { get; }
    public abstract Core.Email.IOutboxStore Outbox { get; }
    public abstract Core.FollowUps.IFollowUpStore FollowUps { get; }
    public abstract Core.Email.IEmailSuppressionStore EmailSuppressions { get; }
    public abstract IEmailChallengeStore EmailChallenges { get; }
    public abstract Core.Webhooks.IWebhookStore Webhooks { get; }

    /// <summary>Creates or migrates the schema and indexes; idempotent.</summary>
    public abstract Task InitializeAsync(CancellationToken ct);

    /// <summary>Whether the store answers a trivial query now.</summary>
    public abstract Task<bool> IsHealthyAsync(CancellationToken ct);

    /// <summary>Where the data lives, for the start-up log (never a secret).</summary>
    public abstract string Describe();

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
