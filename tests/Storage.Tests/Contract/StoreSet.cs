using Engagement.Core.ApiTokens;
using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Participants;
using Engagement.Core.Ratings;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;

using Engagement.Core.Moderation;
using Engagement.Core.Widgets;

namespace Engagement.Storage.Tests.Contract;

/// <summary>Every storage port of one adapter, over one store, as the contract suites receive them.</summary>
public sealed record StoreSet(
    IOrganisationStore Organisations,
    IServiceStore Services,
    IConsultationStore Consultations,
    ICommentStore Comments,
    ISurveyStore Surveys,
    ISurveyResponseStore SurveyResponses,
    IRatingStore Ratings,
    IParticipantStore Participants,
    ITallyStore Tallies,
    IAuditLog Audit,
    IStaffStore Staff,
    IApiTokenStore ApiTokens,
    IWidgetKeyStore WidgetKeys,
    ITermListStore TermLists,
    IModerationItemStore ModerationItems,
    ICommentReportStore CommentReports,
    Core.Insights.ISentimentFeed SentimentFeed,
    Core.Insights.IThemeStore Themes,
    Core.Insights.IDriftAlertStore DriftAlerts,
    Core.Backlog.IBacklogStore Backlog,
    Core.Email.IOutboxStore Outbox,
    Core.FollowUps.IFollowUpStore FollowUps,
    Core.Email.IEmailSuppressionStore EmailSuppressions,
    IEmailChallengeStore EmailChallenges,
    Core.Webhooks.IWebhookStore Webhooks);

/// <summary>
/// The base of every contract suite: an adapter's subclass only says where its stores come from. Tests share the
/// store an adapter hands out, so each creates its own organisation and ids and never relies on another's data.
/// </summary>
public abstract class StoreContract
{
    protected abstract Task<StoreSet> CreateStoresAsync();
}
