using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.ApiTokens;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Engagement.Core.Moderation;
using Engagement.Core.Widgets;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>How each operation of the matrix is tried: the records it needs (fresh for every state change) and what to check.</summary>
public sealed partial class AuthorizationMatrixTests
{
    /// <param name="Field">The dotted path of the probed field under data.</param>
    private sealed record Attempt(string Query, object Variables, string Field)
    {
        /// <summary>Text that only an allowed caller may ever find in the response body.</summary>
        public string? Secret { get; init; }

        /// <summary>What the mutation changes, read through the ports; a refused one must leave it as it was.</summary>
        public Func<Task<string>>? State { get; init; }

        /// <summary>For the views that hide rather than refuse: whether the answer shows the probed record.</summary>
        public Func<JsonElement, Caller, bool>? Shows { get; init; }

        /// <summary>A published record every caller must see in the same answer (so "hidden" never means "empty").</summary>
        public string? PublicId { get; init; }

        /// <summary>Text no caller may ever find in the response, staff included (a comment screening held, for instance).</summary>
        public string? Withheld { get; init; }

        /// <summary>Whether an allowed change is written to the audit log: staff changes are, citizens' contributions are not.</summary>
        public bool Audited { get; init; } = true;
    }

    private EngagementAppFactory App => callers.App;

    private string A => callers.A.Id;

    private async Task<Attempt> PrepareAsync(string operation, Caller caller)
    {
        switch (operation)
        {
            case "Query.moderationQueue":
            {
                var item = await NewModerationItemAsync(claimedBy: null);
                return new("query($org: ID!) { moderationQueue(organisationId: $org, first: 200) { id text } }", new { org = A }, "moderationQueue")
                    { Secret = item.Text };
            }

            case "Query.moderationMetrics":
                return new("query($org: ID!) { moderationMetrics(organisationId: $org) { queueDepth automaticallyHeld } }", new { org = A }, "moderationMetrics");

            case "Query.serviceInsights":
                return new("query($id: ID!) { serviceInsights(serviceId: $id) { overall { count } } }", new { id = (await App.CreateServiceAsync(A)).Id }, "serviceInsights");

            case "Query.consultationInsights":
                return new("query($id: ID!) { consultationInsights(consultationId: $id) { overall { received } } }",
                    new { id = (await App.CreateOpenConsultationAsync(A)).Id }, "consultationInsights");

            case "Query.surveyInsights":
                return new("query($id: ID!) { surveyInsights(surveyId: $id) { overall { responses } } }", new { id = (await App.CreateOpenSurveyAsync(A)).Id }, "surveyInsights");

            case "Query.themes":
            {
                var secret = "secret-quote-" + Guid.NewGuid().ToString("N")[..8];
                await App.Get<Core.Insights.IThemeStore>().SaveAsync(new Core.Insights.ThemeSnapshot
                {
                    OrganisationId = A, RefreshedAt = DateTimeOffset.UtcNow, Watermark = 1, TextsRead = 1,
                    Themes = [new Core.Insights.ThemeSummary("th_matrix", "en", ["matrix"], 1, [new Core.Insights.ThemeQuote(Core.Screening.TextKind.Comment, "c", secret)])],
                    ThemeOfText = new Dictionary<string, string> { ["Comment:c"] = "th_matrix" },
                });
                return new("query($org: ID!) { themes(organisationId: $org) { textsRead themes { quotes { text } } } }", new { org = A }, "themes") { Secret = secret };
            }

            case "Query.driftAlerts":
            {
                var subject = "secret-subject-" + Guid.NewGuid().ToString("N")[..8];
                await App.Get<Core.Insights.IDriftAlertStore>().TryAddAsync(new Core.Insights.DriftAlert
                {
                    Id = Ids.New(), OrganisationId = A, Subject = Core.Insights.DriftSubject.Service, SubjectId = subject, Metric = Core.Insights.DriftMetric.Volume,
                    Day = DateOnly.FromDateTime(DateTime.UtcNow), Observed = 9, Baseline = 2, Z = 5, RecentCount = 63, RaisedAt = DateTimeOffset.UtcNow,
                }, []);
                return new("query($org: ID!) { driftAlerts(organisationId: $org) { subjectId z } }", new { org = A }, "driftAlerts") { Secret = subject };
            }

            case "Query.backlog":
            {
                var item = await NewBacklogItemAsync();
                return new("query($org: ID!) { backlog(organisationId: $org) { id title } }", new { org = A }, "backlog") { Secret = item.Title };
            }

            case "Query.backlogItem":
            {
                var item = await NewBacklogItemAsync();
                return new("query($id: ID!) { backlogItem(id: $id) { id title } }", new { id = item.Id }, "backlogItem") { Secret = item.Title };
            }

            case "Mutation.createBacklogItem":
            {
                var title = "matrix-item-" + Guid.NewGuid().ToString("N")[..8];
                return new("mutation($input: CreateBacklogItemInput!) { createBacklogItem(input: $input) { id } }",
                        new { input = new { organisationId = A, title } }, "createBacklogItem")
                    { State = async () => string.Join(",", (await App.Get<Core.Backlog.IBacklogStore>().ListAsync(A, null, 500)).Where(i => i.Title == title).Select(i => i.Id)) };
            }

            case "Mutation.addBacklogEvidence":
            {
                var item = await NewBacklogItemAsync();
                var themeId = "th_" + Guid.NewGuid().ToString("N")[..8];
                await App.Get<Core.Insights.IThemeStore>().SaveAsync(new Core.Insights.ThemeSnapshot
                {
                    OrganisationId = A, RefreshedAt = DateTimeOffset.UtcNow, Watermark = 1, TextsRead = 3,
                    Themes = [new Core.Insights.ThemeSummary(themeId, "en", ["matrix"], 3, [])], ThemeOfText = new Dictionary<string, string>(),
                });
                return new("mutation($id: ID!, $theme: ID!) { addBacklogEvidence(id: $id, evidence: [{ kind: THEME, targetId: $theme }]) { id } }",
                        new { id = item.Id, theme = themeId }, "addBacklogEvidence")
                    { State = async () => (await App.Get<Core.Backlog.IBacklogStore>().GetAsync(item.Id))!.Evidence.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }

            case "Mutation.changeBacklogStatus":
            {
                var item = await NewBacklogItemAsync();
                return new("mutation($id: ID!) { changeBacklogStatus(id: $id, status: ACCEPTED) { id status } }", new { id = item.Id }, "changeBacklogStatus")
                    { State = async () => (await App.Get<Core.Backlog.IBacklogStore>().GetAsync(item.Id))!.Status.ToString() };
            }

            case "Mutation.mergeBacklogItems":
            {
                var target = await NewBacklogItemAsync();
                var duplicate = await NewBacklogItemAsync();
                return new("mutation($id: ID!, $dup: ID!) { mergeBacklogItems(id: $id, duplicateId: $dup) { id } }", new { id = target.Id, dup = duplicate.Id }, "mergeBacklogItems")
                    { State = async () => (await App.Get<Core.Backlog.IBacklogStore>().GetAsync(duplicate.Id))!.MergedInto ?? "" };
            }

            case "Query.sentiment":
                return new("{ sentiment(text: \"The clerk was kind and quick.\") { label probability } }", new { }, "sentiment");

            case "Query.termLists":
            {
                var secret = "secret-term-" + Guid.NewGuid().ToString("N")[..8];
                await App.Get<ITermListStore>().SaveAsync(new TermList
                {
                    OrganisationId = A, Kind = TermListKind.Suspect, Language = "en", Terms = [secret], UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "system",
                });
                return new("query($org: ID!) { termLists(organisationId: $org) { kind terms } }", new { org = A }, "termLists") { Secret = secret };
            }

            case "Mutation.claimModerationItem":
            {
                var item = await NewModerationItemAsync(claimedBy: null);
                return new("mutation($id: ID!) { claimModerationItem(id: $id) { id claimedBy } }", new { id = item.Id }, "claimModerationItem");
            }

            case "Mutation.releaseModerationItem":
            {
                var item = await NewModerationItemAsync(claimedBy: StaffIdOf(caller));
                return new("mutation($id: ID!) { releaseModerationItem(id: $id) { id claimedBy } }", new { id = item.Id }, "releaseModerationItem");
            }

            case "Mutation.decideModerationItem":
            {
                var item = await NewModerationItemAsync(claimedBy: StaffIdOf(caller));
                return new("mutation($id: ID!) { decideModerationItem(id: $id, action: APPROVE) { id status } }", new { id = item.Id }, "decideModerationItem")
                    { State = async () => (await App.Get<IModerationItemStore>().GetAsync(item.Id))!.Status.ToString() };
            }

            case "Mutation.decideModerationItems":
            {
                var item = await NewModerationItemAsync(claimedBy: null);
                return new("mutation($org: ID!, $ids: [ID!]!) { decideModerationItems(organisationId: $org, ids: $ids, action: APPROVE) { id succeeded code } }",
                        new { org = A, ids = new[] { item.Id } }, "decideModerationItems")
                    { State = async () => (await App.Get<IModerationItemStore>().GetAsync(item.Id))!.Status.ToString() };
            }

            case "Mutation.setTermList":
                return new("mutation($org: ID!, $terms: [String!]!) { setTermList(organisationId: $org, kind: BLOCKED, language: \"fr\", terms: $terms) { kind terms } }",
                        new { org = A, terms = new[] { "term-" + Guid.NewGuid().ToString("N")[..8] } }, "setTermList")
                    { State = async () => string.Join(",", (await App.Get<ITermListStore>().ListAsync(A)).Where(l => l.Kind == TermListKind.Blocked && l.Language == "fr").SelectMany(l => l.Terms)) };

            case "Organisation.staff":
                return new("query($org: ID!) { organisation(id: $org) { id staff { id email displayName } } }", new { org = A }, "organisation.staff")
                    { Secret = callers.PlantedMember.Email };

            case "Organisation.apiTokens":
                return new("query($org: ID!) { organisation(id: $org) { id apiTokens { id name prefix } } }", new { org = A }, "organisation.apiTokens")
                    { Secret = callers.PlantedToken.Prefix };

            case "Organisation.auditLog":
                return new("query($org: ID!) { organisation(id: $org) { id auditLog(first: 50) { nodes { action actor targetId } } } }", new { org = A },
                    "organisation.auditLog") { Secret = callers.PlantedService.Id };

            case "Service.ratings":
                return new("query($id: ID!) { service(id: $id) { name { text } ratings(first: 10) { nodes { score comment } } } }",
                    new { id = callers.PlantedService.Id }, "service.ratings") { Secret = callers.PlantedRatingComment };

            case "Service.widgetKeys":
            {
                var key = await NewWidgetKeyAsync(callers.PlantedService.Id);
                return new("query($id: ID!) { service(id: $id) { name { text } widgetKeys { key allowedOrigins } } }",
                    new { id = callers.PlantedService.Id }, "service.widgetKeys") { Secret = key.Key };
            }

            case "Query.me":
                return new("{ me { id email } }", new { }, "me")
                {
                    Shows = (me, caller) => me.ValueKind == JsonValueKind.Object && me.GetProperty("email").GetString() == callers.MemberOf(caller)?.Email,
                };

            case "Query.consultation":
            {
                var draft = await App.CreateDraftConsultationAsync(A);
                return new("query($id: ID!) { consultation(id: $id) { id status title { text } } }", new { id = draft.Id }, "consultation")
                    { Secret = draft.Id, Shows = IsRecord };
            }

            case "Query.survey":
            {
                var draft = await App.CreateDraftSurveyAsync(A);
                return new("query($id: ID!) { survey(id: $id) { id status questions { id } } }", new { id = draft.Id }, "survey")
                    { Secret = draft.Id, Shows = IsRecord };
            }

            case "Organisation.consultations":
            {
                var draft = await App.CreateDraftConsultationAsync(A);
                var open = await App.CreateOpenConsultationAsync(A);
                return new("query($org: ID!) { organisation(id: $org) { consultations { id status } } }", new { org = A }, "organisation.consultations")
                    { Secret = draft.Id, PublicId = open.Id, Shows = Lists(draft.Id) };
            }

            case "Organisation.surveys":
            {
                var draft = await App.CreateDraftSurveyAsync(A);
                var open = await App.CreateOpenSurveyAsync(A);
                return new("query($org: ID!) { organisation(id: $org) { surveys { id status } } }", new { org = A }, "organisation.surveys")
                    { Secret = draft.Id, PublicId = open.Id, Shows = Lists(draft.Id) };
            }

            case "Consultation.surveys":
            {
                var consultation = await App.CreateOpenConsultationAsync(A);
                var draft = await App.CreateDraftSurveyAsync(A, consultation.Id);
                var open = await App.CreateOpenSurveyAsync(A, consultation.Id);
                return new("query($id: ID!) { consultation(id: $id) { surveys { id status } } }", new { id = consultation.Id }, "consultation.surveys")
                    { Secret = draft.Id, PublicId = open.Id, Shows = Lists(draft.Id) };
            }

            case "Mutation.createService":
            {
                var slug = NewSlug("svc");
                return new("mutation($input: CreateServiceInput!) { createService(input: $input) { id slug } }",
                    new { input = new { organisationId = A, slug, name = Translations.EnFr("New service", "Nouveau service") } }, "createService")
                    { State = async () => (await App.Get<IServiceStore>().ListByOrganisationAsync(A)).Any(s => s.Slug == slug) ? "created" : "absent" };
            }

            case "Mutation.updateService":
            {
                var service = await App.CreateServiceAsync(A);
                return new("mutation($input: UpdateServiceInput!) { updateService(input: $input) { id name { text } } }",
                    new { input = new { serviceId = service.Id, name = Translations.EnFr("Renamed", "Renommé") } }, "updateService")
                    { State = async () => (await App.Get<IServiceStore>().GetAsync(service.Id))!.Name.In("en") ?? "" };
            }

            case "Mutation.createWidgetKey":
            {
                var service = await App.CreateServiceAsync(A);
                return new("mutation($input: CreateWidgetKeyInput!) { createWidgetKey(input: $input) { id key } }",
                    new { input = new { serviceId = service.Id, allowedOrigins = new[] { "https://www.example.gc.ca" } } }, "createWidgetKey")
                    { State = async () => (await App.Get<IWidgetKeyStore>().ListByServiceAsync(service.Id)).Count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }

            case "Mutation.updateWidgetKey":
            {
                var key = await NewWidgetKeyAsync((await App.CreateServiceAsync(A)).Id);
                return new("mutation($input: UpdateWidgetKeyInput!) { updateWidgetKey(input: $input) { id allowedOrigins } }",
                    new { input = new { id = key.Id, allowedOrigins = new[] { "https://other.example.gc.ca" } } }, "updateWidgetKey")
                    { State = async () => string.Join(",", (await App.Get<IWidgetKeyStore>().GetAsync(key.Id))!.AllowedOrigins) };
            }

            case "Mutation.setWidgetKeyEnabled":
            {
                var key = await NewWidgetKeyAsync((await App.CreateServiceAsync(A)).Id);
                return new("mutation($id: ID!) { setWidgetKeyEnabled(id: $id, enabled: false) { id enabled } }", new { id = key.Id }, "setWidgetKeyEnabled")
                    { State = async () => (await App.Get<IWidgetKeyStore>().GetAsync(key.Id))!.Enabled ? "enabled" : "disabled" };
            }

            case "Mutation.createConsultation":
            {
                var slug = NewSlug("c");
                return new("mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id status } }",
                    new { input = new { organisationId = A, slug, title = Translations.EnFr("New plan", "Nouveau plan") } }, "createConsultation")
                    { State = async () => await App.Get<IConsultationStore>().GetBySlugAsync(A, slug) is null ? "absent" : "created" };
            }

            case "Mutation.updateConsultation":
            {
                var draft = await App.CreateDraftConsultationAsync(A);
                return new("mutation($input: UpdateConsultationInput!) { updateConsultation(input: $input) { id version } }",
                    new
                    {
                        input = new
                        {
                            consultationId = draft.Id, title = Translations.EnFr("Edited", "Modifié"), summary = Translations.EnFr("S", "S"), body = Translations.EnFr("B", "B"),
                            identityPolicy = "ANONYMOUS_ALLOWED",
                        },
                    }, "updateConsultation") { State = ConsultationState(draft.Id) };
            }

            case "Mutation.openConsultation":
            {
                var draft = await App.CreateDraftConsultationAsync(A);
                return new("mutation($id: ID!) { openConsultation(consultationId: $id) { id status } }", new { id = draft.Id }, "openConsultation")
                    { State = ConsultationState(draft.Id) };
            }

            case "Mutation.closeConsultation":
            {
                var open = await App.CreateOpenConsultationAsync(A);
                return new("mutation($id: ID!) { closeConsultation(consultationId: $id) { id status } }", new { id = open.Id }, "closeConsultation")
                    { State = ConsultationState(open.Id) };
            }

            case "Mutation.publishOutcome":
            {
                var closed = await App.CreateClosedConsultationAsync(A);
                return new("mutation($id: ID!, $outcome: [TranslationInput!]!) { publishOutcome(consultationId: $id, outcome: $outcome) { id status } }",
                    new { id = closed.Id, outcome = Translations.EnFr("Decided", "Décidé") }, "publishOutcome") { State = ConsultationState(closed.Id) };
            }

            case "Mutation.createSurvey":
            {
                var slug = NewSlug("s");
                return new("mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id status } }",
                    new { input = new { organisationId = A, slug, title = Translations.EnFr("New survey", "Nouveau sondage"), questions = OneQuestion } }, "createSurvey")
                    { State = async () => await App.Get<ISurveyStore>().GetBySlugAsync(A, slug) is null ? "absent" : "created" };
            }

            case "Mutation.updateSurvey":
            {
                var draft = await App.CreateDraftSurveyAsync(A);
                return new("mutation($input: UpdateSurveyInput!) { updateSurvey(input: $input) { id version } }",
                    new { input = new { surveyId = draft.Id, title = Translations.EnFr("Edited", "Modifié"), identityPolicy = "ANONYMOUS_ALLOWED", questions = OneQuestion } }, "updateSurvey")
                    { State = SurveyState(draft.Id) };
            }

            case "Mutation.openSurvey":
            {
                var draft = await App.CreateDraftSurveyAsync(A);
                return new("mutation($id: ID!) { openSurvey(surveyId: $id) { id status } }", new { id = draft.Id }, "openSurvey") { State = SurveyState(draft.Id) };
            }

            case "Mutation.closeSurvey":
            {
                var open = await App.CreateOpenSurveyAsync(A);
                return new("mutation($id: ID!) { closeSurvey(surveyId: $id) { id status } }", new { id = open.Id }, "closeSurvey") { State = SurveyState(open.Id) };
            }

            case "Mutation.createStaffMember":
                return CreateStaffMember([new { organisationId = A, role = "ANALYST" }]);

            case "Mutation.createStaffMember (roles in A and in B)":
                return CreateStaffMember([new { organisationId = A, role = "ANALYST" }, new { organisationId = callers.B.Id, role = "ANALYST" }]);

            case "Mutation.createApiToken":
                return new("mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id prefix } } }",
                    new { input = new { organisationId = A, name = "new token", role = "ANALYST" } }, "createApiToken")
                    {
                        Secret = ApiTokenSecrets.SecretPrefix,
                        State = async () => $"{(await App.Get<IApiTokenStore>().ListByOrganisationAsync(A)).Count} tokens",
                    };

            case "Mutation.revokeApiToken":
            {
                var token = (await App.Get<CreateApiToken>().ExecuteAsync(new(A, "to revoke", Role.Analyst, null), Actor.System)).Value.Token;
                return new("mutation($id: ID!) { revokeApiToken(tokenId: $id) { id prefix revokedAt } }", new { id = token.Id }, "revokeApiToken")
                    {
                        Secret = token.Prefix,
                        State = async () => (await App.Get<IApiTokenStore>().GetAsync(token.Id))!.RevokedAt is null ? "active" : "revoked",
                    };
            }

            case "Query.webhooks":
            {
                var webhook = await PlantedWebhookAsync();
                return new("query($org: ID!) { webhooks(organisationId: $org) { id description } }", new { org = A }, "webhooks") { Secret = webhook.Description };
            }

            case "Query.webhookDeliveries":
            {
                var delivery = await NewFailedDeliveryAsync();
                return new("query($id: ID!) { webhookDeliveries(webhookId: $id, status: FAILED, first: 100) { id payload } }", new { id = delivery.EndpointId },
                    "webhookDeliveries") { Secret = JsonDocument.Parse(delivery.Payload).RootElement.GetProperty("secret").GetString() };
            }

            case "Mutation.registerWebhook":
            {
                var description = "new-webhook-" + Guid.NewGuid().ToString("N")[..8];
                return new("mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret webhook { id } } }",
                    new { input = new { organisationId = A, url = MatrixReceiver, events = new[] { "MERGED" }, description } }, "registerWebhook")
                    {
                        Secret = Core.Webhooks.WebhookEndpoint.SecretPrefix,
                        State = async () => string.Join(",", (await App.Get<Core.Webhooks.IWebhookStore>().ListEndpointsAsync(A)).Where(w => w.Description == description).Select(w => w.Id)),
                    };
            }

            case "Mutation.updateWebhook":
            {
                var webhook = await PlantedWebhookAsync();
                return new("mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { id url } }",
                    new { input = new { id = webhook.Id, url = $"{MatrixReceiver}/{Guid.NewGuid():N}" } }, "updateWebhook")
                    { State = async () => (await App.Get<Core.Webhooks.IWebhookStore>().GetEndpointAsync(webhook.Id))!.Url };
            }

            case "Mutation.setWebhookEnabled":
            {
                var webhook = await SharedWebhookAsync("toggled-webhook");
                var store = App.Get<Core.Webhooks.IWebhookStore>();
                var enabled = !(await store.GetEndpointAsync(webhook.Id))!.Enabled;
                return new("mutation($id: ID!, $enabled: Boolean!) { setWebhookEnabled(id: $id, enabled: $enabled) { id enabled } }", new { id = webhook.Id, enabled },
                    "setWebhookEnabled") { State = async () => (await store.GetEndpointAsync(webhook.Id))!.Enabled.ToString() };
            }

            case "Mutation.deleteWebhook":
            {
                var webhook = await NewWebhookAsync();
                return new("mutation($id: ID!) { deleteWebhook(id: $id) { id } }", new { id = webhook.Id }, "deleteWebhook")
                    { State = async () => await App.Get<Core.Webhooks.IWebhookStore>().GetEndpointAsync(webhook.Id) is null ? "deleted" : "kept" };
            }

            case "Mutation.retryWebhookDelivery":
            {
                var delivery = await NewFailedDeliveryAsync();
                return new("mutation($id: ID!) { retryWebhookDelivery(id: $id) { id status } }", new { id = delivery.Id }, "retryWebhookDelivery")
                    { State = async () => (await App.Get<Core.Webhooks.IWebhookStore>().GetDeliveryAsync(delivery.Id))!.Status.ToString() };
            }

            case "Query.organisation":
                return new("query($org: ID!) { organisation(id: $org) { id slug name { text } services { id } } }", new { org = A }, "organisation")
                    { PublicId = callers.PlantedService.Id };

            case "Query.organisations":
                return new("{ organisations { id slug } }", new { }, "organisations") { PublicId = A };

            case "Query.service":
                return new("query($id: ID!) { service(id: $id) { id name { text } ratingSummary { count } } }", new { id = callers.PlantedService.Id }, "service")
                    { PublicId = callers.PlantedService.Id };

            case "Query.consultation (open)":
            {
                var open = await App.CreateOpenConsultationAsync(A);
                return new("query($id: ID!) { consultation(id: $id) { id status title { text } } }", new { id = open.Id }, "consultation")
                    { PublicId = open.Id, Shows = IsRecord };
            }

            case "Query.survey (open)":
            {
                var open = await OpenSurveyWithEveryPartAsync();
                return new("query($id: ID!) { survey(id: $id) { id status questions { id } results { responses } } }", new { id = open.Id }, "survey")
                    { PublicId = open.Id, Shows = IsRecord };
            }

            case "LocalizedText.text":
            {
                var open = await App.CreateOpenConsultationAsync(A);
                return new("query($id: ID!) { consultation(id: $id) { title { text(language: \"fr\") } } }", new { id = open.Id }, "consultation.title.text")
                    { PublicId = "Pistes cyclables" };
            }

            case "Service.pageRatings":
            {
                var service = await App.CreateServiceAsync(A);
                var page = $"https://www.example.gc.ca/{Guid.NewGuid():N}";
                Assert.True((await App.Get<Core.Ratings.SubmitRating>().ExecuteAsync(new(service.Id, 4, "en", PageUrl: page))).Succeeded);
                return new("query($id: ID!) { service(id: $id) { pageRatings { page summary { count } } } }", new { id = service.Id }, "service.pageRatings")
                    { PublicId = page };
            }

            case "Consultation.comments":
            {
                var open = await App.CreateOpenConsultationAsync(A);
                var (publishedId, text) = await PublishedCommentAsync(open.Id);
                var held = $"held {Guid.NewGuid():N}";
                await HeldCommentAsync(open.Id, null, held);
                await HeldCommentAsync(open.Id, publishedId, held);
                return new("query($id: ID!, $token: String) { consultation(id: $id) { comments(first: 10, participantToken: $token) { nodes { id text myReaction replies { text } } } } }",
                    new { id = open.Id, token = await App.RegisterParticipantAsync() }, "consultation.comments") { PublicId = text, Withheld = held };
            }

            case "Mutation.registerParticipant":
                return new("mutation { registerParticipant { participantToken } }", new { }, "registerParticipant");

            case "Mutation.postComment":
            {
                var open = await App.CreateOpenConsultationAsync(A);
                return new("mutation($input: PostCommentInput!) { postComment(input: $input) { id status } }",
                    new { input = new { consultationId = open.Id, participantToken = await App.RegisterParticipantAsync(), text = "More trees on Elm Street, please.", language = "en" } },
                    "postComment") { Audited = false, State = async () => $"{(await App.Get<Core.Comments.ICommentStore>().ListTopLevelAsync(open.Id, null, new PageRequest(null, PageRequest.MaxLimit))).Items.Count} comments" };
            }

            case "Mutation.postComment (reply)":
            {
                var open = await App.CreateOpenConsultationAsync(A);
                var (parentId, _) = await PublishedCommentAsync(open.Id);
                return new("mutation($input: PostCommentInput!) { postComment(input: $input) { id status } }",
                    new { input = new { consultationId = open.Id, parentId, participantToken = await App.RegisterParticipantAsync(), text = "I agree, the shade would help.", language = "en" } },
                    "postComment") { Audited = false, State = async () => $"{(await App.Get<Core.Comments.ICommentStore>().ListRepliesAsync([parentId], null)).Count} replies" };
            }

            case "Mutation.react":
            {
                var (commentId, _) = await PublishedCommentAsync((await App.CreateOpenConsultationAsync(A)).Id);
                return new("mutation($input: ReactInput!) { react(input: $input) { commentId agreeCount } }",
                    new { input = new { commentId, participantToken = await App.RegisterParticipantAsync(), reaction = "AGREE" } }, "react")
                    { Audited = false, State = async () => $"{(await App.Get<Core.Tallies.ITallyStore>().GetAsync(Core.Tallies.TallyScopes.Comment(commentId)))[Core.Comments.CommentTallies.Agree]} agree" };
            }

            case "Mutation.reportComment":
            {
                var (commentId, _) = await PublishedCommentAsync((await App.CreateOpenConsultationAsync(A)).Id);
                return new("mutation($input: ReportCommentInput!) { reportComment(input: $input) { commentId reason } }",
                    new { input = new { commentId, participantToken = await App.RegisterParticipantAsync(), reason = "OFF_TOPIC" } }, "reportComment")
                    {
                        Audited = false,
                        State = async () => $"{(await App.Get<ICommentReportStore>().CountAsync(commentId, DateTimeOffset.MinValue)).Values.Sum()} reports",
                    };
            }

            case "Mutation.submitRating":
            {
                var service = await App.CreateServiceAsync(A);
                return new("mutation($input: SubmitRatingInput!) { submitRating(input: $input) { id score } }",
                    new { input = new { serviceId = service.Id, score = 5, language = "en" } }, "submitRating")
                    { Audited = false, State = async () => $"{(await App.Get<Core.Ratings.IRatingStore>().ListAsync(service.Id, new PageRequest(null, PageRequest.MaxLimit))).Items.Count} ratings" };
            }

            case "Mutation.submitSurveyResponse":
            {
                var survey = await App.CreateOpenSurveyAsync(A);
                return new("mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { id answerCount } }",
                    new
                    {
                        input = new
                        {
                            surveyId = survey.Id, participantToken = await App.RegisterParticipantAsync(), language = "en", answers = new[] { new { questionId = "satisfied", number = 4 } },
                        },
                    }, "submitSurveyResponse")
                    { Audited = false, State = async () => $"{(await App.Get<ISurveyResponseStore>().ListAsync(survey.Id, new PageRequest(null, PageRequest.MaxLimit))).Items.Count} responses" };
            }

            case "Mutation.requestEmailVerification":
            {
                var address = Participants.SignInLinks.NewAddress();
                return new("mutation($email: String!) { requestEmailVerification(email: $email, language: \"en\") { email linkLifetimeMinutes } }", new { email = address },
                    "requestEmailVerification") { Audited = false, State = async () => $"{(await Participants.SignInLinks.EmailsToAsync(App, address)).Count} emails" };
            }

            case "Mutation.confirmEmailVerification":
            {
                var token = SecretTokens.NewToken();
                var now = DateTimeOffset.UtcNow;
                Assert.True(await App.Get<Core.Participants.IEmailChallengeStore>().TryAddAsync(new Core.Participants.EmailChallenge
                {
                    Id = Ids.New(), TokenHash = SecretTokens.Hash(token), Address = Participants.SignInLinks.NewAddress(), Language = "en", CreatedAt = now,
                    ExpiresAt = now + Core.Participants.EmailChallenge.Lifetime,
                }, null));
                return new("mutation($token: String!) { confirmEmailVerification(token: $token) { email verifiedAt } }", new { token }, "confirmEmailVerification")
                {
                    Audited = false,
                    State = async () => (await App.Get<Core.Participants.IEmailChallengeStore>().GetByTokenHashAsync(SecretTokens.Hash(token)))!.UsedAt is null ? "unused" : "used",
                };
            }

            case "Mutation.unsubscribe":
            {
                var address = Participants.SignInLinks.NewAddress();
                var token = App.Get<Core.Email.ISignedTokens>().Sign("unsubscribe", $"FollowUps|{address}", DateTimeOffset.UtcNow.AddDays(1));
                return new("mutation($token: String!) { unsubscribe(token: $token) { list maskedAddress } }", new { token }, "unsubscribe")
                {
                    Audited = false,
                    State = async () => $"{(await App.Get<Core.Email.IEmailSuppressionStore>().SuppressedAsync(Core.Email.MailingList.FollowUps, [Core.Email.EmailAddresses.Hash(address)])).Count} suppressed",
                };
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "The matrix has no way to try this operation.");
        }
    }

    private Attempt CreateStaffMember(object[] grants)
    {
        var email = $"new-{Guid.NewGuid():N}@example.org";
        return new("mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { generatedPassword member { id email } } }",
            new { input = new { email, displayName = "New person", grants, password = "correct horse battery staple" } }, "createStaffMember")
            {
                Secret = email,
                State = async () => await App.Get<IStaffStore>().GetByEmailAsync(email) is null ? "absent" : "created",
            };
    }

    private static readonly object[] OneQuestion = [new { id = "agree", type = "YES_NO", prompt = Translations.EnFr("Agree?", "D'accord ?") }];

    // The id a caller's claims carry (cookie members and tokens act as staff); null for callers who are not staff.
    private string? StaffIdOf(Caller caller)
    {
        try
        {
            var actor = callers.ActorOf(caller);
            return actor.StartsWith("staff:", StringComparison.Ordinal) ? actor["staff:".Length..] : null;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private async Task<ModerationItem> NewModerationItemAsync(string? claimedBy)
    {
        var item = new ModerationItem
        {
            Id = Ids.New(),
            OrganisationId = A,
            Kind = Core.Screening.TextKind.Comment,
            TargetId = Ids.New(),
            Text = "held text " + Guid.NewGuid().ToString("N")[..8],
            Language = "en",
            Source = ModerationSource.Screening,
            Reasons = [new Core.Screening.ScreeningReason("term.suspect", Core.Screening.ReasonSeverity.Hold, "suspect")],
            Risk = 10,
            Reach = 0,
            Status = ModerationItemStatus.Pending,
            ClaimedBy = claimedBy,
            ClaimedUntil = claimedBy is null ? null : DateTimeOffset.UtcNow.AddMinutes(10),
            CreatedAt = DateTimeOffset.UtcNow,
            Version = 1,
        };
        Assert.True(await App.Get<IModerationItemStore>().TryAddAsync(item));
        return item;
    }

    private async Task<WidgetKey> NewWidgetKeyAsync(string serviceId) =>
        (await App.Get<CreateWidgetKey>().ExecuteAsync(new CreateWidgetKey.Request(serviceId, ["https://www.example.gc.ca"]), Actor.System)).Value;

    private static string NewSlug(string kind) => $"{kind}-{Guid.NewGuid():N}"[..20];

    private static bool IsRecord(JsonElement data, Caller caller) => data.ValueKind == JsonValueKind.Object;

    private static Func<JsonElement, Caller, bool> Lists(string id) =>
        (list, _) => list.EnumerateArray().Any(item => item.GetProperty("id").GetString() == id);

    private Func<Task<string>> ConsultationState(string id) => async () =>
    {
        var c = (await App.Get<IConsultationStore>().GetAsync(id))!;
        return $"{c.Status} v{c.Version} {c.Title.In("en")} {c.Outcome.In("en")}";
    };

    private Func<Task<string>> SurveyState(string id) => async () =>
    {
        var s = (await App.Get<ISurveyStore>().GetAsync(id))!;
        return $"{s.Status} v{s.Version} {s.Title.In("en")}";
    };

    // Never resolves (.invalid), so what the host's dispatcher posts to planted webhooks goes nowhere.
    private const string MatrixReceiver = "https://receiver.invalid/hooks";

    /// <summary>
    /// One webhook of A shared by the rows that read it or change its address, planted by the first (an organisation holds
    /// at most 20 webhooks, and each row runs on a new instance of this class).
    /// </summary>
    private Task<Core.Webhooks.WebhookEndpoint> PlantedWebhookAsync() => SharedWebhookAsync("planted-webhook");

    private async Task<Core.Webhooks.WebhookEndpoint> SharedWebhookAsync(string description) =>
        (await App.Get<Core.Webhooks.IWebhookStore>().ListEndpointsAsync(A)).FirstOrDefault(w => w.Description == description)
        ?? await NewWebhookAsync(description);

    /// <summary>A webhook of A planted through the store (no audit entry), wanting only merges so the dispatcher has little to post.</summary>
    private async Task<Core.Webhooks.WebhookEndpoint> NewWebhookAsync(string? description = null)
    {
        var now = DateTimeOffset.UtcNow;
        var webhook = new Core.Webhooks.WebhookEndpoint
        {
            Id = Core.Common.Ids.New(), OrganisationId = A, Url = MatrixReceiver, Secret = Core.Webhooks.WebhookEndpoint.NewSecret(),
            Events = [Core.Backlog.BacklogEventKind.Merged], Enabled = true, Description = description ?? "secret-webhook-" + Guid.NewGuid().ToString("N")[..8],
            CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        Assert.True(await App.Get<Core.Webhooks.IWebhookStore>().TryAddEndpointAsync(webhook));
        return webhook;
    }

    /// <summary>
    /// A failed delivery to the planted webhook, of a made-up event (negative sequence: no real event has one, so the fan-out
    /// never makes its id), due in a year so the host's dispatcher cannot take it before it is marked failed.
    /// </summary>
    private async Task<Core.Webhooks.WebhookDelivery> NewFailedDeliveryAsync()
    {
        var store = App.Get<Core.Webhooks.IWebhookStore>();
        var webhook = await PlantedWebhookAsync();
        var now = DateTimeOffset.UtcNow;
        var sequence = -Random.Shared.NextInt64(1, long.MaxValue);
        var delivery = new Core.Webhooks.WebhookDelivery
        {
            Id = Core.Webhooks.WebhookDelivery.IdOf(sequence, webhook.Id), EndpointId = webhook.Id, OrganisationId = A, EventSequence = sequence,
            Event = "backlog.merged", Payload = $"{{\"secret\":\"secret-payload-{Guid.NewGuid():N}\"}}", Status = Core.Webhooks.WebhookDeliveryStatus.Pending,
            Attempts = 0, NextAttemptAt = now.AddYears(1), CreatedAt = now,
        };
        await store.AddDeliveriesAsync([delivery], await store.GetFanOutCheckpointAsync());
        await store.MarkFailedAsync(delivery.Id, "The receiver answered 410 Gone.", 410, null);
        return (await store.GetDeliveryAsync(delivery.Id))!;
    }

    /// <summary>An open survey whose questions carry options and a show-if rule, so that every public type of a survey has an instance.</summary>
    private async Task<Survey> OpenSurveyWithEveryPartAsync()
    {
        var questions = new List<Question>
        {
            new() { Id = "satisfied", Type = QuestionType.Rating, Required = true, Prompt = LocalizedText.EnFr("How satisfied?", "Satisfait?") },
            new() { Id = "why", Type = QuestionType.ShortText, Prompt = LocalizedText.EnFr("Why?", "Pourquoi?"), ShowIf = new ShowIfRule("satisfied", ShowIfOperator.Equals, "1") },
            new()
            {
                Id = "how", Type = QuestionType.SingleChoice, Prompt = LocalizedText.EnFr("How did you come?", "Comment êtes-vous venu?"),
                Options = [new QuestionOption("web", LocalizedText.EnFr("Web", "Web")), new QuestionOption("phone", LocalizedText.EnFr("Phone", "Téléphone"))],
            },
        };
        var draft = (await App.Get<CreateSurvey>().ExecuteAsync(new(A, NewSlug("s"), LocalizedText.EnFr("Survey", "Sondage"), questions), Actor.System)).Value;
        return (await App.Get<OpenSurvey>().ExecuteAsync(new(draft.Id), Actor.System)).Value;
    }

    /// <summary>A comment posted by a new participant through the API and published by screening: its id and text.</summary>
    private async Task<(string Id, string Text)> PublishedCommentAsync(string consultationId)
    {
        var text = $"The new bike racks are handy {Guid.NewGuid():N}";
        var posted = (await App.Anonymous().QueryAsync("mutation($input: PostCommentInput!) { postComment(input: $input) { id status } }",
            new { input = new { consultationId, participantToken = await App.RegisterParticipantAsync(), text, language = "en" } })).AssertOk().At("postComment");
        Assert.Equal("PUBLISHED", posted.GetProperty("status").GetString());
        return (posted.GetProperty("id").GetString()!, text);
    }

    /// <summary>A comment or reply screening held, stored as it would be, which only moderators may read (in their queue).</summary>
    private async Task HeldCommentAsync(string consultationId, string? parentId, string text)
    {
        var now = DateTimeOffset.UtcNow;
        Assert.True(await App.Get<Core.Comments.ICommentStore>().TryAddAsync(new Core.Comments.Comment
        {
            Id = Ids.New(), ConsultationId = consultationId, OrganisationId = A, ParentId = parentId, ParticipantId = Ids.New(), Text = text, Language = "en",
            Status = Core.Comments.CommentStatus.Held, CreatedAt = now, UpdatedAt = now,
        }));
    }

    private async Task<Core.Backlog.BacklogItem> NewBacklogItemAsync() =>
        (await App.Get<Core.Backlog.CreateBacklogItem>().ExecuteAsync(
            new(A, "secret-item-" + Guid.NewGuid().ToString("N")[..8], "Planted by the matrix."), Core.Common.Actor.System)).Value;
}
