namespace Engagement.Storage.Mongo;

/// <summary>
/// Every collection's name and every index, in one place: start-up creates <see cref="Indexes"/>, the migration copies
/// into these collections, and the offline tests compare both with the checked-in JSON.
/// </summary>
internal static class MongoSchema
{
    public static class Collections
    {
        public const string Organisations = "organisations";
        public const string Services = "services";
        public const string Consultations = "consultations";
        public const string Comments = "comments";
        public const string Reactions = "reactions";
        public const string Surveys = "surveys";
        public const string SurveyResponses = "surveyResponses";
        public const string Ratings = "ratings";
        public const string Participants = "participants";
        public const string ParticipantTokens = "participantTokens";
        public const string Tallies = "tallies";
        public const string Counters = "counters";
        public const string TextFeed = "textFeed";
        public const string Audit = "auditLog";
        public const string Staff = "staff";
        public const string ApiTokens = "apiTokens";
        public const string WidgetKeys = "widgetKeys";
        public const string TermLists = "termLists";
        public const string ModerationItems = "moderationItems";
        public const string CommentReports = "commentReports";
        public const string Checkpoints = "checkpoints";
        public const string InsightTexts = "insightTexts";
        public const string Themes = "themeSnapshots";
        public const string DriftAlerts = "driftAlerts";
        public const string Backlog = "backlogItems";
        public const string BacklogEvents = "backlogEvents";
        public const string Outbox = "outbox";
        public const string FollowUps = "followUps";
        public const string EmailSuppressions = "emailSuppressions";
        public const string EmailChallenges = "emailChallenges";
        public const string WebhookEndpoints = "webhookEndpoints";
        public const string WebhookDeliveries = "webhookDeliveries";
    }

    /// <summary>Every index of every repository; each repository declares its own beside its queries.</summary>
    public static IReadOnlyList<MongoIndex> Indexes { get; } =
    [
        .. MongoTallyStore.Indexes,
        .. MongoCommentStore.Indexes,
        .. TextFeed.Indexes,
        .. MongoFollowUpStore.Indexes,

        // Organisations, consultations, surveys, ratings, participants
        .. MongoOrganisationStore.Indexes,
        .. MongoServiceStore.Indexes,
        .. MongoConsultationStore.Indexes,
        .. MongoSurveyStore.Indexes,
        .. MongoSurveyResponseStore.Indexes,
        .. MongoRatingStore.Indexes,
        .. MongoParticipantStore.Indexes,
        .. MongoEmailChallengeStore.Indexes,

        // Staff, tokens, widget keys, moderation, audit, webhooks
        .. MongoStaffStore.Indexes,
        .. MongoApiTokenStore.Indexes,
        .. MongoWidgetKeyStore.Indexes,
        .. MongoTermListStore.Indexes,
        .. MongoModerationItemStore.Indexes,
        .. MongoCommentReportStore.Indexes,
        .. MongoAuditLog.Indexes,
        .. MongoWebhookStore.Indexes,

        // Insights, backlog, email
        .. MongoSentimentFeed.Indexes,
        .. MongoThemeStore.Indexes,
        .. MongoDriftAlertStore.Indexes,
        .. MongoBacklogStore.Indexes,
        .. MongoOutboxStore.Indexes,
        .. MongoEmailSuppressionStore.Indexes,
    ];
}
