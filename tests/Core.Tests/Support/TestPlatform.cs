using System.Globalization;
using System.Text;
using Engagement.Core.ApiTokens;
using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Live;
using Engagement.Core.Organisations;
using Engagement.Core.Participants;
using Engagement.Core.Ratings;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;
using Engagement.Core.Screening;
using Engagement.Core.Widgets;
using Engagement.Core.Moderation;
using Engagement.Storage.Sqlite;

namespace Engagement.Core.Tests.Support;

/// <summary>
/// The use cases wired to the real SQLite stores, a hand-set clock and the shipped languages, with intent
/// methods (<see cref="CreateOpenConsultationAsync"/>, <see cref="RegisterParticipantAsync"/>…) so a test reads
/// as a scenario. One per test; the database underneath is shared by the test class.
/// </summary>
public sealed class TestPlatform
{
    public TestPlatform(DatabaseFixture fixture)
    {
        var db = fixture.Database;
        Organisations = new SqliteOrganisationStore(db);
        Services = new SqliteServiceStore(db);
        Consultations = new SqliteConsultationStore(db);
        Comments = new SqliteCommentStore(db);
        Surveys = new SqliteSurveyStore(db);
        Responses = new SqliteSurveyResponseStore(db);
        Ratings = new SqliteRatingStore(db);
        Participants = new SqliteParticipantStore(db);
        Tallies = new SqliteTallyStore(db);
        Audit = new SqliteAuditLog(db);
        StaffMembers = new SqliteStaffStore(db);
        ApiTokens = new SqliteApiTokenStore(db);
        WidgetKeys = new SqliteWidgetKeyStore(db);
        TermLists = new SqliteTermListStore(db);
        ModerationItems = new SqliteModerationItemStore(db);
        CommentReports = new SqliteCommentReportStore(db);
        SentimentFeed = new SqliteSentimentFeed(db);
        Themes = new SqliteThemeStore(db);
        DriftAlerts = new SqliteDriftAlertStore(db);
        Backlog = new SqliteBacklogStore(db);
        Outbox = new SqliteOutboxStore(db);
        FollowUps = new SqliteFollowUpStore(db);
        EmailSuppressions = new SqliteEmailSuppressionStore(db);
        EmailChallenges = new SqliteEmailChallengeStore(db);
        Webhooks = new SqliteWebhookStore(db);
    }

    public static Actor Staff { get; } = Actor.Staff("staff-member-1");

    public ManualClock Clock { get; } = new();

    public SupportedLanguages Languages { get; } = SupportedLanguages.Default;

    /// <summary>Every live topic the use cases raised, in order.</summary>
    public RecordingLiveNotifier Live { get; } = new();

    public IOrganisationStore Organisations { get; }
    public IServiceStore Services { get; }
    public IConsultationStore Consultations { get; }
    public ICommentStore Comments { get; }
    public ISurveyStore Surveys { get; }
    public ISurveyResponseStore Responses { get; }
    public IRatingStore Ratings { get; }
    public IParticipantStore Participants { get; }
    public ITallyStore Tallies { get; }
    public IAuditLog Audit { get; }
    public IStaffStore StaffMembers { get; }
    public IApiTokenStore ApiTokens { get; }
    public IWidgetKeyStore WidgetKeys { get; }
    public ITermListStore TermLists { get; }
    public IModerationItemStore ModerationItems { get; }
    public ICommentReportStore CommentReports { get; }
    public Engagement.Core.Insights.ISentimentFeed SentimentFeed { get; }
    public Engagement.Core.Insights.IThemeStore Themes { get; }
    public Engagement.Core.Insights.IDriftAlertStore DriftAlerts { get; }
    public Engagement.Core.Backlog.IBacklogStore Backlog { get; }
    public Engagement.Core.Email.IOutboxStore Outbox { get; }
    public Engagement.Core.FollowUps.IFollowUpStore FollowUps { get; }
    public Engagement.Core.Email.IEmailSuppressionStore EmailSuppressions { get; }
    public IEmailChallengeStore EmailChallenges { get; }
    public Engagement.Core.Webhooks.IWebhookStore Webhooks { get; }

    /// <summary>Signed links on keys that live as long as the platform; a test may swap in another key ring.</summary>
    public Engagement.Core.Email.ISignedTokens SignedTokens { get; set; } =
        new Engagement.Email.Links.DataProtectionSignedTokens(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());

    public Engagement.Core.Email.PublicLinks Links { get; } = new(new Uri("https://engage.example.org"));
    public Engagement.Core.FollowUps.FollowUpOptions FollowUpOptions { get; set; } = new();
    public Engagement.Core.Email.EmailComposer EmailComposer => new(new Engagement.Email.Templates.EmailTemplateRenderer(), SignedTokens, Links, Clock);
    public Engagement.Core.FollowUps.FollowUpOptIn FollowUpOptIn => new(EmailSuppressions, FollowUpOptions, Clock);
    public Engagement.Core.FollowUps.ClosingTheLoop ClosingTheLoop => new(FollowUps, Themes, EmailSuppressions, Services, Consultations, EmailComposer, Links, Clock);
    public Engagement.Core.Email.Unsubscribe Unsubscribe => new(EmailComposer, EmailSuppressions, FollowUps, Clock);
    public Engagement.Core.FollowUps.ForgetExpiredFollowUps ForgetExpiredFollowUps => new(FollowUps, Clock);
    public RetentionOptions Retention { get; set; } = new();
    public ForgetOldEmailChallenges ForgetOldEmailChallenges => new(EmailChallenges, Retention, Clock);
    public Engagement.Core.Webhooks.ForgetOldWebhookDeliveries ForgetOldWebhookDeliveries => new(Webhooks, Retention, Clock);
    public Engagement.Core.Notifications.StaffRecipients StaffRecipients => new(StaffMembers, EmailSuppressions);
    public Engagement.Core.Notifications.DriftAlertNotices DriftAlertNotices => new(Organisations, StaffRecipients, EmailComposer, Links);
    public Engagement.Core.Notifications.SendModerationDigest SendModerationDigest => new(Organisations, ModerationItems, StaffRecipients, EmailComposer, Links, Outbox, Clock);
    public Engagement.Core.Backlog.BacklogPriority BacklogPriority => new(Tallies, Clock);
    public Engagement.Core.Backlog.BacklogChanges BacklogChanges => new(Backlog, BacklogPriority, Clock);
    public Engagement.Core.Backlog.EvidenceSources EvidenceSources => new(Themes, DriftAlerts);
    public Engagement.Core.Backlog.CreateBacklogItem CreateBacklogItem => new(Backlog, Services, Consultations, EvidenceSources, BacklogPriority, Audit, Clock, Live);
    public Engagement.Core.Backlog.ChangeBacklogStatus ChangeBacklogStatus => new(BacklogChanges, ClosingTheLoop, Audit, Clock, Live);
    public Engagement.Core.Backlog.AddBacklogEvidence AddBacklogEvidence => new(BacklogChanges, EvidenceSources, Audit, Clock, Live);
    public Engagement.Core.Backlog.MergeBacklogItems MergeBacklogItems => new(BacklogChanges, Backlog, Audit, Clock, Live);
    public Engagement.Core.Backlog.ListBacklog ListBacklog => new(Backlog, BacklogPriority);
    public Engagement.Core.Backlog.GetBacklogImpact GetBacklogImpact => new(Tallies, Clock);
    public Engagement.Core.Insights.DriftDetection DriftDetection => new(Services, Consultations, Tallies, Themes, DriftAlerts, DriftAlertNotices, Clock);
    public RequestEmailVerification RequestEmailVerification => new(EmailChallenges, Participants, EmailSuppressions, EmailComposer, Links, Languages, Clock);
    public ConfirmEmailVerification ConfirmEmailVerification => new(EmailChallenges, Participants, Clock);

    /// <summary>How webhooks call out; a test may allow private networks or shorten the back-off.</summary>
    public Engagement.Core.Webhooks.WebhookOptions WebhookOptions { get; set; } = new();
    public Engagement.Core.Webhooks.RegisterWebhook RegisterWebhook => new(Organisations, Webhooks, WebhookOptions, Audit, Clock);
    public Engagement.Core.Webhooks.UpdateWebhook UpdateWebhook => new(Webhooks, WebhookOptions, Audit, Clock);
    public Engagement.Core.Webhooks.SetWebhookEnabled SetWebhookEnabled => new(Webhooks, Audit, Clock);
    public Engagement.Core.Webhooks.DeleteWebhook DeleteWebhook => new(Webhooks, Audit, Clock);
    public Engagement.Core.Webhooks.ListWebhookDeliveries ListWebhookDeliveries => new(Webhooks);
    public Engagement.Core.Webhooks.RetryWebhookDelivery RetryWebhookDelivery => new(Webhooks, Audit, Clock);
    public Engagement.Core.Webhooks.FanOutBacklogEvents FanOutBacklogEvents => new(Backlog, Webhooks, Clock);
    public Engagement.Core.Webhooks.DeliverWebhooks DeliverWebhooks(Engagement.Core.Webhooks.IWebhookSender sender) => new(Webhooks, sender, WebhookOptions, Clock);

    /// <summary>How reports act on comments; a test may set its own threshold.</summary>
    public ReportOptions ReportOptions { get; set; } = new();

    /// <summary>The screening every public text takes; a test may set what it decides.</summary>
    public ITextScreening Screening { get; set; } = new NoScreening();

    // The use cases, built fresh on each access as the host would per request.
    public CreateOrganisation CreateOrganisation => new(Organisations, Audit, Languages, Clock);
    public CreateService CreateService => new(Organisations, Services, Audit, Languages, Clock);
    public UpdateService UpdateService => new(Services, Audit, Languages, Clock);
    public CreateConsultation CreateConsultation => new(Organisations, Consultations, Audit, Languages, Clock);
    public UpdateConsultation UpdateConsultation => new(Consultations, Audit, Languages, Clock);
    public OpenConsultation OpenConsultation => new(Consultations, Audit, Languages, Clock);
    public CloseConsultation CloseConsultation => new(Consultations, Audit, Clock);
    public PublishOutcome PublishOutcome => new(Consultations, Audit, Languages, Clock);
    public PostComment PostComment => new(Consultations, Comments, Participants, Languages, Clock, Screening, ModerationQueue, FollowUpOptIn, Audit, Live);
    public GetModerationMetrics GetModerationMetrics => new(ModerationItems, Audit, Clock);
    public ModerationQueue ModerationQueue => new(ModerationItems, Tallies, Clock, Live);
    public ClaimModerationItem ClaimModerationItem => new(ModerationItems, Clock);
    public ReleaseModerationItem ReleaseModerationItem => new(ModerationItems, Clock);
    public DecideModerationItem DecideModerationItem => new(ModerationItems, Comments, Ratings, Backlog, CreateBacklogItem, AddBacklogEvidence, Audit, Clock, Live);
    public Engagement.Core.Insights.GetServiceInsights GetServiceInsights => new(Services, Tallies, Themes, Clock);
    public Engagement.Core.Insights.GetConsultationInsights GetConsultationInsights => new(Consultations, Tallies, Themes, Clock);
    public Engagement.Core.Insights.GetSurveyInsights GetSurveyInsights => new(Surveys, Tallies, Themes, Clock);
    public Engagement.Core.Insights.RefreshThemes RefreshThemes(Engagement.Core.Insights.IThemeDiscovery discovery) => new(Themes, discovery, Clock);
    public RequeueUnqueuedTexts RequeueUnqueuedTexts => new(Comments, Ratings, ModerationItems, Screening, ModerationQueue);
    public DecideModerationItems DecideModerationItems => new(ModerationItems, ClaimModerationItem, DecideModerationItem, ReleaseModerationItem);
    public ReportComment ReportComment => new(Comments, CommentReports, Consultations, Participants, ModerationQueue, Audit, Clock, Live, ReportOptions);
    public ReactToComment ReactToComment => new(Consultations, Comments, Participants, Tallies, Clock, Live);
    public ChangeCommentStatus ChangeCommentStatus => new(Comments, Audit, Clock, Live);
    public ListComments ListComments => new(Consultations, Comments, Tallies);
    public CreateSurvey CreateSurvey => new(Organisations, Consultations, Surveys, Audit, Languages, Clock);
    public UpdateSurvey UpdateSurvey => new(Surveys, Audit, Languages, Clock);
    public OpenSurvey OpenSurvey => new(Surveys, Audit, Clock);
    public CloseSurvey CloseSurvey => new(Surveys, Audit, Clock);
    public SubmitSurveyResponse SubmitSurveyResponse => new(Surveys, Responses, Participants, Languages, Clock, Screening, ModerationQueue, FollowUpOptIn, Live);
    public GetSurveyResults GetSurveyResults => new(Surveys, Tallies);
    public SubmitRating SubmitRating => new(Services, Ratings, Participants, Languages, Clock, Screening, ModerationQueue, FollowUpOptIn, Live);
    public ListPageRatings ListPageRatings => new(Services, Tallies);
    public SetTermList SetTermList => new(Organisations, TermLists, Audit, Languages, Clock);
    public CreateWidgetKey CreateWidgetKey => new(Services, WidgetKeys, Audit, Languages, Clock);
    public UpdateWidgetKey UpdateWidgetKey => new(WidgetKeys, Audit, Languages, Clock);
    public SetWidgetKeyEnabled SetWidgetKeyEnabled => new(WidgetKeys, Audit, Clock);
    public SubmitWidgetRating SubmitWidgetRating => new(WidgetKeys, SubmitRating);
    public GetRatingSummary GetRatingSummary => new(Services, Tallies);
    public RegisterAnonymousParticipant RegisterAnonymousParticipant => new(Participants, Clock);
    public FindParticipantByToken FindParticipantByToken => new(Participants);
    public CreateStaffMember CreateStaffMember => new(Organisations, StaffMembers, Audit, Clock);
    public SignInWithPassword SignInWithPassword => new(StaffMembers, Clock);
    public CreateApiToken CreateApiToken => new(Organisations, ApiTokens, Audit, Clock);
    public RevokeApiToken RevokeApiToken => new(ApiTokens, Audit, Clock);
    public AuthenticateApiToken AuthenticateApiToken => new(ApiTokens, Clock);

    /// <summary>A slug no other test uses, so tests sharing a database never collide.</summary>
    public static string UniqueSlug(string prefix = "org") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    // ---- Organisations and services ----

    public async Task<Organisation> CreateOrganisationAsync()
    {
        var result = await CreateOrganisation.ExecuteAsync(
            new CreateOrganisation.Request(UniqueSlug(), LocalizedText.EnFr("City of Testing", "Ville de Test")), Staff);
        return result.Value;
    }

    public async Task<Service> CreateServiceAsync(string? organisationId = null, string? slug = null)
    {
        organisationId ??= (await CreateOrganisationAsync()).Id;
        var result = await CreateService.ExecuteAsync(
            new CreateService.Request(organisationId, slug ?? UniqueSlug("service"), LocalizedText.EnFr("Passport office", "Bureau des passeports")), Staff);
        return result.Value;
    }

    // ---- Widget keys ----

    /// <summary>The site the widget keys made by <see cref="CreateWidgetKeyAsync"/> allow unless told otherwise.</summary>
    public const string WidgetSite = "https://www.example.ca";

    /// <summary>An enabled widget key for a service (a new one in a new organisation unless given).</summary>
    public async Task<WidgetKey> CreateWidgetKeyAsync(
        string? serviceId = null, IReadOnlyList<string>? origins = null, string? pagePattern = null, string? language = null,
        LocalizedText? question = null, bool showAverage = false)
    {
        serviceId ??= (await CreateServiceAsync()).Id;
        var result = await CreateWidgetKey.ExecuteAsync(
            new CreateWidgetKey.Request(serviceId, origins ?? [WidgetSite], pagePattern, question, language, showAverage), Staff);
        Assert.True(result.Succeeded, $"Could not create the widget key: {string.Join("; ", result.Errors)}");
        return result.Value;
    }

    public async Task<WidgetKey> DisableWidgetKeyAsync(WidgetKey key) =>
        (await SetWidgetKeyEnabled.ExecuteAsync(new SetWidgetKeyEnabled.Request(key.Id, false), Staff)).Value;

    /// <summary>Every setting of a key as one line, so two keys compare field by field (a record compares its list by reference).</summary>
    public static string Describe(WidgetKey key) =>
        $"{key.Id} {key.Key} {key.OrganisationId} {key.ServiceId} [{string.Join(" ", key.AllowedOrigins)}] {key.PagePattern} {key.Question} " +
        $"{key.Language} {key.ShowAverage} {key.Enabled} {key.CreatedAt:O} {key.UpdatedAt:O}";

    // ---- Consultations ----

    /// <summary>Every text of a consultation, complete in English and French.</summary>
    public static (LocalizedText Title, LocalizedText Summary, LocalizedText Body) CompleteTexts() => (
        LocalizedText.EnFr("Bike lanes on Main Street", "Pistes cyclables sur la rue Principale"),
        LocalizedText.EnFr("Tell us where the lanes should go.", "Dites-nous où placer les pistes."),
        LocalizedText.EnFr("The city plans new bike lanes. Read the plan and comment.", "La ville prévoit de nouvelles pistes. Lisez le plan et commentez."));

    public async Task<Consultation> CreateDraftConsultationAsync(
        string? organisationId = null,
        IdentityPolicy policy = IdentityPolicy.AnonymousAllowed,
        DateTimeOffset? opensAt = null,
        DateTimeOffset? closesAt = null,
        bool complete = true)
    {
        organisationId ??= (await CreateOrganisationAsync()).Id;
        var (title, summary, body) = CompleteTexts();
        var result = await CreateConsultation.ExecuteAsync(
            new CreateConsultation.Request(organisationId, UniqueSlug("consultation"), title,
                complete ? summary : null, complete ? body : null, policy, opensAt, closesAt),
            Staff);
        return result.Value;
    }

    public async Task<Consultation> CreateOpenConsultationAsync(
        IdentityPolicy policy = IdentityPolicy.AnonymousAllowed, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, string? organisationId = null)
    {
        var draft = await CreateDraftConsultationAsync(organisationId, policy, opensAt, closesAt);
        return (await OpenConsultation.ExecuteAsync(new OpenConsultation.Request(draft.Id), Staff)).Value;
    }

    public async Task<Consultation> CreateClosedConsultationAsync()
    {
        var open = await CreateOpenConsultationAsync();
        return (await CloseConsultation.ExecuteAsync(new CloseConsultation.Request(open.Id), Staff)).Value;
    }

    // ---- Participants ----

    public async Task<Participant> RegisterParticipantAsync() => (await RegisterAnonymousParticipant.ExecuteAsync()).Value.Participant;

    /// <summary>A participant who verified an email address (added straight to the store, as the sign-in flow would).</summary>
    public async Task<Participant> CreateVerifiedParticipantAsync()
    {
        var participant = new Participant
        {
            Id = Ids.New(),
            Kind = ParticipantKind.VerifiedEmail,
            Email = $"citizen-{Guid.NewGuid():N}@example.org",
            EmailVerifiedAt = Clock.GetUtcNow(),
            CreatedAt = Clock.GetUtcNow(),
        };
        Assert.True(await Participants.TryAddAsync(participant));
        return participant;
    }

    // ---- Comments ----

    public async Task<Comment> PostCommentAsync(Consultation consultation, string? text = null, Participant? author = null, string? parentId = null)
    {
        author ??= await RegisterParticipantAsync();
        var result = await PostComment.ExecuteAsync(
            new PostComment.Request(consultation.Id, author.Id, text ?? "I would use a lane on Main Street.", "en", parentId));
        return result.Value;
    }

    public async Task<Comment> SetCommentStatusAsync(Comment comment, CommentStatus status) =>
        (await ChangeCommentStatus.ExecuteAsync(new ChangeCommentStatus.Request(comment.Id, status, "Test moderation"), Staff)).Value;

    /// <summary>A report of the comment by a participant (a new anonymous one unless given).</summary>
    public async Task<Result<CommentReport>> ReportCommentAsync(Comment comment, ReportReason reason = ReportReason.Spam, Participant? reporter = null)
    {
        reporter ??= await RegisterParticipantAsync();
        return await ReportComment.ExecuteAsync(new ReportComment.Request(comment.Id, reporter.Id, reason));
    }

    // ---- Surveys ----

    public async Task<Survey> CreateDraftSurveyAsync(
        IReadOnlyList<Question> questions, IdentityPolicy policy = IdentityPolicy.AnonymousAllowed, string? organisationId = null)
    {
        organisationId ??= (await CreateOrganisationAsync()).Id;
        var result = await CreateSurvey.ExecuteAsync(
            new CreateSurvey.Request(organisationId, UniqueSlug("survey"), LocalizedText.EnFr("Your experience", "Votre expérience"), questions,
                IdentityPolicy: policy),
            Staff);
        return result.Value;
    }

    public async Task<Survey> CreateOpenSurveyAsync(params Question[] questions) => await CreateOpenSurveyAsync(IdentityPolicy.AnonymousAllowed, questions);

    public async Task<Survey> CreateOpenSurveyAsync(IdentityPolicy policy, params Question[] questions)
    {
        var draft = await CreateDraftSurveyAsync(questions, policy);
        return (await OpenSurvey.ExecuteAsync(new OpenSurvey.Request(draft.Id), Staff)).Value;
    }

    /// <summary>Submits one response from a new anonymous participant; answers are given as (question id, answer) pairs.</summary>
    public async Task<Result<SurveyResponse>> SubmitAsync(Survey survey, params (string QuestionId, Answer Answer)[] answers)
    {
        var participant = await RegisterParticipantAsync();
        return await SubmitAsync(survey, participant, answers);
    }

    public Task<Result<SurveyResponse>> SubmitAsync(Survey survey, Participant participant, params (string QuestionId, Answer Answer)[] answers) =>
        SubmitSurveyResponse.ExecuteAsync(new SubmitSurveyResponse.Request(
            survey.Id, participant.Id, "en", answers.ToDictionary(a => a.QuestionId, a => a.Answer, StringComparer.Ordinal)));

    // ---- Staff and API tokens ----

    /// <summary>A password every staff member made by <see cref="CreateStaffMemberAsync"/> has unless told otherwise.</summary>
    public const string StaffPassword = "correct horse battery staple";

    /// <summary>A staff member with a known password and one role; costs one password hash (about 0.1 s).</summary>
    public async Task<StaffMember> CreateStaffMemberAsync(string? organisationId = null, Role role = Role.Admin, string password = StaffPassword)
    {
        organisationId ??= (await CreateOrganisationAsync()).Id;
        var result = await CreateStaffMember.ExecuteAsync(
            new CreateStaffMember.Request($"staff-{Guid.NewGuid():N}@example.gc.ca", "Alex Tremblay", [new RoleGrant(organisationId, role)], password), Staff);
        return result.Value.Member;
    }

    public async Task<CreateApiToken.Created> CreateApiTokenAsync(string? organisationId = null, DateTimeOffset? expiresAt = null, Role role = Role.Analyst)
    {
        organisationId ??= (await CreateOrganisationAsync()).Id;
        var result = await CreateApiToken.ExecuteAsync(new CreateApiToken.Request(organisationId, "BI export", role, expiresAt), Staff);
        return result.Value;
    }

    // ---- Reading back ----

    public async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(string organisationId, string? targetId = null) =>
        (await Audit.ListAsync(organisationId, targetId, PageRequest.First(PageRequest.MaxLimit))).Items;

    public Task<Tally> TallyAsync(string scope) => Tallies.GetAsync(scope);

    /// <summary>
    /// Everything an organisation holds, written out as text: its services with their ratings, page tallies and widget
    /// keys, its consultations, comments, surveys, responses, their tallies, its staff, its API tokens, and its audit
    /// trail. Comparing two snapshots proves a refused use case changed nothing.
    /// </summary>
    public async Task<string> SnapshotAsync(string organisationId)
    {
        var text = new StringBuilder();
        void Line(string line) => text.AppendLine(line);
        async Task TallyLine(string scope)
        {
            var tally = await Tallies.GetAsync(scope);
            var counts = tally.Counts.Where(c => c.Value != 0).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}");
            Line($"  tally {scope}: {string.Join(", ", counts)}");
        }

        foreach (var service in await Services.ListByOrganisationAsync(organisationId))
        {
            Line($"service {service.Id} {service.Slug} {service.Name} / {service.Description}");
            await TallyLine(TallyScopes.Service(service.Id));
            foreach (var rating in (await Ratings.ListAsync(service.Id, PageRequest.First(PageRequest.MaxLimit))).Items)
                Line($"  rating {rating.Id} {rating.Score} {rating.Language} {rating.Comment} {rating.CommentStatus} {rating.PageUrl} {rating.WidgetKeyId}");
            foreach (var page in await Tallies.ListLargestAsync(TallyScopes.ServicePagePrefix(service.Id), 1_000))
                await TallyLine(page.Scope);
            foreach (var key in await WidgetKeys.ListByServiceAsync(service.Id))
                Line($"  widget key {Describe(key)}");
        }
        foreach (var consultation in await Consultations.ListAsync(organisationId))
        {
            Line($"consultation {consultation.Id} {consultation.Slug} v{consultation.Version} {consultation.Status} " +
                 $"{consultation.Title} / {consultation.Summary} / {consultation.Body} / {consultation.Outcome} " +
                 $"{consultation.IdentityPolicy} {consultation.OpensAt:O} {consultation.ClosesAt:O} {consultation.UpdatedAt:O}");
            await TallyLine(TallyScopes.Consultation(consultation.Id));
            var comments = (await Comments.ListTopLevelAsync(consultation.Id, null, PageRequest.First(PageRequest.MaxLimit))).Items;
            var replies = comments.Count == 0 ? [] : await Comments.ListRepliesAsync(comments.Select(c => c.Id).ToArray(), null);
            foreach (var comment in comments.Concat(replies))
            {
                Line($"  comment {comment.Id} {comment.ParentId} {comment.Status} {comment.Text}");
                await TallyLine(TallyScopes.Comment(comment.Id));
            }
        }
        foreach (var survey in await Surveys.ListAsync(organisationId))
        {
            Line($"survey {survey.Id} {survey.Slug} v{survey.Version} {survey.Status} {survey.Title} {survey.Questions.Count} questions");
            await TallyLine(TallyScopes.Survey(survey.Id));
            foreach (var response in (await Responses.ListAsync(survey.Id, PageRequest.First(PageRequest.MaxLimit))).Items)
                Line($"  response {response.Id} {response.ParticipantId} {response.Answers.Count} answers");
        }
        foreach (var member in await StaffMembers.ListByOrganisationAsync(organisationId))
            Line($"staff {member.Id} {member.Email} v{member.Version} {member.DisplayName} {member.PasswordHash} {member.FailedSignIns} " +
                 $"{member.LockedUntil:O} {member.Disabled} {string.Join(",", member.Grants)}");
        foreach (var token in await ApiTokens.ListByOrganisationAsync(organisationId))
            Line($"api token {token.Id} {token.Name} {token.Role} {token.TokenHash} {token.ExpiresAt:O} {token.RevokedAt:O}");
        foreach (var entry in await AuditTrailAsync(organisationId))
            Line($"audit {entry.Id} {entry.Action} {entry.TargetId} {entry.Detail}");
        return text.ToString();
    }

    public static string Repeat(string unit, int count) =>
        string.Concat(Enumerable.Repeat(unit, count));

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
