using System.Net;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Consultations;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>What staff do: run consultations and surveys, keep services, add colleagues and API tokens, and read the audit log.</summary>
public sealed partial class ApiFlowTests
{
    private const string ConsultationFields = "id slug status version acceptingContributions identityPolicy title { text } summary { text(language: \"fr\") } outcome { text(language: \"fr\") }";

    [Fact]
    public async Task An_analyst_creates_edits_opens_closes_a_consultation_and_publishes_its_outcome_guarded_by_expectedVersion()
    {
        var org = await _app.CreateOrganisationAsync();
        var analyst = await _app.SignedInAsStaffAsync(org.Id, Role.Analyst);
        var slug = $"plan-{Guid.NewGuid():N}"[..20];

        var created = (await analyst.QueryAsync($"mutation($input: CreateConsultationInput!) {{ createConsultation(input: $input) {{ {ConsultationFields} }} }}",
            new { input = new { organisationId = org.Id, slug, title = EnFr("Parking", "Stationnement") } })).AssertOk().At("createConsultation");
        var id = created.GetProperty("id").GetString()!;
        const string Update = $"mutation($input: UpdateConsultationInput!) {{ updateConsultation(input: $input) {{ {ConsultationFields} }} }}";
        object Edit(int? expectedVersion) => new
        {
            input = new
            {
                consultationId = id, expectedVersion, title = EnFr("Parking zones", "Zones de stationnement"), summary = EnFr("Where to park", "Où se garer"),
                body = EnFr("The plan", "Le plan"), identityPolicy = "ANONYMOUS_ALLOWED",
            },
        };
        var edited = (await analyst.QueryAsync(Update, Edit(1))).AssertOk().At("updateConsultation");
        var stale = await analyst.QueryAsync(Update, Edit(1));
        var opened = (await analyst.QueryAsync($"mutation($id: ID!) {{ openConsultation(consultationId: $id, expectedVersion: 2) {{ {ConsultationFields} }} }}", new { id }))
            .AssertOk().At("openConsultation");
        var reopened = await analyst.QueryAsync("mutation($id: ID!) { openConsultation(consultationId: $id) { id } }", new { id });
        var staleClose = await analyst.QueryAsync("mutation($id: ID!) { closeConsultation(consultationId: $id, expectedVersion: 2) { id } }", new { id });
        var closed = (await analyst.QueryAsync($"mutation($id: ID!) {{ closeConsultation(consultationId: $id, expectedVersion: 3) {{ {ConsultationFields} }} }}", new { id }))
            .AssertOk().At("closeConsultation");
        const string Publish = $"mutation($id: ID!, $outcome: [TranslationInput!]!, $v: Int) {{ publishOutcome(consultationId: $id, outcome: $outcome, expectedVersion: $v) {{ {ConsultationFields} }} }}";
        var englishOnly = await analyst.QueryAsync(Publish, new { id, outcome = new[] { new { language = "en", text = "Approved" } }, v = 4 });
        var published = (await analyst.QueryAsync(Publish, new { id, outcome = EnFr("Approved", "Approuvé"), v = 4 })).AssertOk().At("publishOutcome");
        var badSlug = await analyst.QueryAsync("mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }",
            new { input = new { organisationId = org.Id, slug = "Not A Slug", title = EnFr("T", "T") } });
        var repeatedSlug = await analyst.QueryAsync("mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }",
            new { input = new { organisationId = org.Id, slug, title = EnFr("T", "T") } });
        var unknown = await analyst.QueryAsync("mutation { openConsultation(consultationId: \"missing\") { id } }");

        Assert.Equal(("DRAFT", 1, false), (created.GetProperty("status").GetString(), created.GetProperty("version").GetInt32(), created.GetProperty("acceptingContributions").GetBoolean()));
        Assert.Equal(2, edited.GetProperty("version").GetInt32());
        Assert.Equal("Parking zones", edited.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Où se garer", edited.GetProperty("summary").GetProperty("text").GetString());
        AssertError(stale, "CONFLICT", "expectedVersion", "CONFLICT");
        Assert.Equal(("OPEN", 3, true), (opened.GetProperty("status").GetString(), opened.GetProperty("version").GetInt32(), opened.GetProperty("acceptingContributions").GetBoolean()));
        AssertError(reopened, "CONFLICT", "consultationId", "INVALID_STATE");
        AssertError(staleClose, "CONFLICT", "expectedVersion", "CONFLICT");
        Assert.Equal(("CLOSED", 4, false), (closed.GetProperty("status").GetString(), closed.GetProperty("version").GetInt32(), closed.GetProperty("acceptingContributions").GetBoolean()));
        AssertError(englishOnly, "VALIDATION", "outcome.fr", "REQUIRED");
        Assert.Equal(("OUTCOME_PUBLISHED", 5), (published.GetProperty("status").GetString(), published.GetProperty("version").GetInt32()));
        Assert.Equal("Approuvé", published.GetProperty("outcome").GetProperty("text").GetString());
        AssertError(badSlug, "VALIDATION", "slug", "INVALID_FORMAT");
        AssertError(repeatedSlug, "CONFLICT", "slug", "DUPLICATE");
        AssertError(unknown, "NOT_FOUND", "consultationId", "NOT_FOUND");
        var stored = (await _app.Get<IConsultationStore>().GetAsync(id))!;
        Assert.Equal((ConsultationStatus.OutcomePublished, 5), (stored.Status, stored.Version));
    }

    private static object Question(string id, string type, bool required = false, string[]? options = null, object? showIf = null) => new
    {
        id, type, required, showIf,
        prompt = EnFr($"About {id}?", $"À propos de {id} ?"),
        options = options?.Select(o => new { id = o, label = EnFr(o, $"{o} (fr)") }).ToArray(),
    };

    private static readonly object[] EveryQuestionType =
    [
        Question("channel", "SINGLE_CHOICE", required: true, options: ["web", "phone"]),
        Question("topics", "MULTIPLE_CHOICE", options: ["parks", "roads", "schools"]),
        Question("score", "RATING", required: true),
        Question("nps", "NPS"),
        Question("resident", "YES_NO"),
        Question("why", "SHORT_TEXT", showIf: new { questionId = "score", @operator = "EQUALS", value = "1" }),
        Question("story", "LONG_TEXT", showIf: new { questionId = "resident", @operator = "ANSWERED" }),
        Question("other", "SHORT_TEXT", showIf: new { questionId = "channel", @operator = "NOT_EQUALS", value = "web" }),
    ];

    private const string SurveyFields = """
        id slug status version identityPolicy consultationId title { text } description { text(language: "fr") }
        questions { id type required prompt { text(language: "fr") } options { id label { text(language: "fr") } } showIf { questionId operator value } }
        """;

    [Fact]
    public async Task An_analyst_builds_a_survey_with_every_question_type_and_show_if_rules_then_opens_and_closes_it()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var analyst = await _app.SignedInAsStaffAsync(org.Id, Role.Analyst);
        var citizen = _app.Anonymous();

        var created = (await analyst.QueryAsync($"mutation($input: CreateSurveyInput!) {{ createSurvey(input: $input) {{ {SurveyFields} }} }}", new
        {
            input = new
            {
                organisationId = org.Id, consultationId = consultation.Id, slug = $"s-{Guid.NewGuid():N}"[..20], title = EnFr("Parks", "Parcs"),
                description = EnFr("Tell us", "Dites-nous"), questions = EveryQuestionType.Take(5).ToArray(),
            },
        })).AssertOk().At("createSurvey");
        var id = created.GetProperty("id").GetString()!;
        const string Update = $"mutation($input: UpdateSurveyInput!) {{ updateSurvey(input: $input) {{ {SurveyFields} }} }}";
        object Edit(int expectedVersion, object[] questions) => new
        {
            input = new { surveyId = id, expectedVersion, title = EnFr("Parks and roads", "Parcs et routes"), identityPolicy = "ANONYMOUS_ALLOWED", questions },
        };
        var edited = (await analyst.QueryAsync(Update, Edit(1, EveryQuestionType))).AssertOk().At("updateSurvey");
        var stale = await analyst.QueryAsync(Update, Edit(1, EveryQuestionType));
        var forwardRule = await analyst.QueryAsync(Update, Edit(2, [Question("why", "SHORT_TEXT", showIf: new { questionId = "score", @operator = "EQUALS", value = "1" }), Question("score", "RATING")]));
        var draftResponse = await citizen.QueryAsync(SubmitResponse, Response(id, await RegisterParticipantAsync(citizen), new { questionId = "score", number = 3 }));
        var opened = (await analyst.QueryAsync("mutation($id: ID!) { openSurvey(surveyId: $id, expectedVersion: 2) { status version } }", new { id })).AssertOk().At("openSurvey");
        var frozen = await analyst.QueryAsync(Update, Edit(3, EveryQuestionType));

        var everything = (await citizen.QueryAsync(SubmitResponse, Response(id, await RegisterParticipantAsync(citizen),
            new { questionId = "channel", choices = new[] { "phone" } }, new { questionId = "topics", choices = new[] { "parks", "roads" } },
            new { questionId = "score", number = 1 }, new { questionId = "nps", number = 9 }, new { questionId = "resident", yesNo = true },
            new { questionId = "why", text = "Too slow" }, new { questionId = "story", text = "A long story." }, new { questionId = "other", text = "By post" })))
            .AssertOk().At("submitSurveyResponse");
        var second = await RegisterParticipantAsync(citizen);
        var hiddenByNotEquals = await citizen.QueryAsync(SubmitResponse, Response(id, second,
            new { questionId = "channel", choices = new[] { "web" } }, new { questionId = "score", number = 4 }, new { questionId = "other", text = "By post" }));
        var wrongType = await citizen.QueryAsync(SubmitResponse, Response(id, second, new { questionId = "channel", choices = new[] { "web" } }, new { questionId = "score", text = "four" }));
        var unknownOption = await citizen.QueryAsync(SubmitResponse, Response(id, second, new { questionId = "channel", choices = new[] { "fax" } }, new { questionId = "score", number = 4 }));
        var blankHidden = (await citizen.QueryAsync(SubmitResponse, Response(id, second,
            new { questionId = "channel", choices = new[] { "web" } }, new { questionId = "score", number = 4 }, new { questionId = "resident", yesNo = false },
            new { questionId = "other", text = "" }))).AssertOk().At("submitSurveyResponse");
        var results = (await citizen.QueryAsync(Results, new { id })).AssertOk().At("survey.results");
        var closed = (await analyst.QueryAsync("mutation($id: ID!) { closeSurvey(surveyId: $id, expectedVersion: 3) { status version } }", new { id })).AssertOk().At("closeSurvey");
        var late = await citizen.QueryAsync(SubmitResponse, Response(id, await RegisterParticipantAsync(citizen), new { questionId = "channel", choices = new[] { "web" } }, new { questionId = "score", number = 2 }));
        var unknown = await analyst.QueryAsync("mutation { closeSurvey(surveyId: \"missing\") { id } }");

        Assert.Equal(("DRAFT", 1, consultation.Id), (created.GetProperty("status").GetString(), created.GetProperty("version").GetInt32(), created.GetProperty("consultationId").GetString()));
        Assert.Equal("Dites-nous", created.GetProperty("description").GetProperty("text").GetString());
        Assert.Equal(2, edited.GetProperty("version").GetInt32());
        Assert.Equal(["SINGLE_CHOICE", "MULTIPLE_CHOICE", "RATING", "NPS", "YES_NO", "SHORT_TEXT", "LONG_TEXT", "SHORT_TEXT"],
            edited.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("type").GetString()));
        var questions = edited.GetProperty("questions");
        Assert.True(questions[0].GetProperty("required").GetBoolean());
        Assert.Equal("À propos de channel ?", questions[0].GetProperty("prompt").GetProperty("text").GetString());
        Assert.Equal(["parks", "roads", "schools"], Ids(questions[1].GetProperty("options")));
        Assert.Equal("roads (fr)", questions[1].GetProperty("options")[1].GetProperty("label").GetProperty("text").GetString());
        Assert.Empty(questions[2].GetProperty("options").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, questions[2].GetProperty("showIf").ValueKind);
        Assert.Equal("""{"questionId":"score","operator":"EQUALS","value":"1"}""", questions[5].GetProperty("showIf").GetRawText());
        Assert.Equal("""{"questionId":"resident","operator":"ANSWERED","value":null}""", questions[6].GetProperty("showIf").GetRawText());
        Assert.Equal("""{"questionId":"channel","operator":"NOT_EQUALS","value":"web"}""", questions[7].GetProperty("showIf").GetRawText());
        AssertError(stale, "CONFLICT", "expectedVersion", "CONFLICT");
        AssertError(forwardRule, "VALIDATION", "questions[0].showIf.questionId", "UNKNOWN_QUESTION");
        // A draft answers as a made-up id would, so its id is not confirmed to anyone.
        AssertError(draftResponse, "NOT_FOUND", "surveyId", "NOT_FOUND");
        Assert.Equal(("OPEN", 3), (opened.GetProperty("status").GetString(), opened.GetProperty("version").GetInt32()));
        AssertError(frozen, "CONFLICT", "surveyId", "INVALID_STATE");
        Assert.Equal(8, everything.GetProperty("answerCount").GetInt32());
        AssertError(hiddenByNotEquals, "VALIDATION", "answers.other", "HIDDEN_QUESTION");
        AssertError(wrongType, "VALIDATION", "answers.score", "WRONG_TYPE");
        AssertError(unknownOption, "VALIDATION", "answers.channel", "UNKNOWN_OPTION");
        Assert.Equal(3, blankHidden.GetProperty("answerCount").GetInt32());
        Assert.Equal(2, results.GetProperty("responses").GetInt32());
        Assert.Equal((1, 1, 0), (CountOf(results, "channel", "phone"), CountOf(results, "channel", "web"), CountOf(results, "topics", "schools")));
        Assert.Equal((1, 1), (CountOf(results, "topics", "parks"), CountOf(results, "topics", "roads")));
        Assert.Equal((1, 1, 1), (CountOf(results, "score", "1"), CountOf(results, "score", "4"), CountOf(results, "nps", "9")));
        Assert.Equal((1, 1), (CountOf(results, "resident", "yes"), CountOf(results, "resident", "no")));
        Assert.Equal([2, 1, 2, 1, 2, 1, 1, 1],
            ((string[])["channel", "topics", "score", "nps", "resident", "why", "story", "other"]).Select(q => AnsweredOf(results, q)));
        Assert.Equal(("CLOSED", 4), (closed.GetProperty("status").GetString(), closed.GetProperty("version").GetInt32()));
        AssertError(late, "CONFLICT", "surveyId", "INVALID_STATE");
        AssertError(unknown, "NOT_FOUND", "surveyId", "NOT_FOUND");
        Assert.Equal(SurveyStatus.Closed, (await _app.Get<ISurveyStore>().GetAsync(id))!.Status);
    }

    [Fact]
    public async Task UpdateSurvey_without_an_identityPolicy_is_refused_so_a_policy_is_never_dropped_silently()
    {
        // The update replaces the survey as a whole; a missing policy must not quietly open a verified-email survey.
        var org = await _app.CreateOrganisationAsync();
        var analyst = await _app.SignedInAsStaffAsync(org.Id, Role.Analyst);
        var id = (await analyst.QueryAsync("mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }", new
        {
            input = new
            {
                organisationId = org.Id, slug = "residents-only", title = EnFr("Residents", "Résidents"), identityPolicy = "VERIFIED_EMAIL_REQUIRED",
                questions = EveryQuestionType.Take(1).ToArray(),
            },
        })).AssertOk().At("createSurvey.id").GetString()!;

        var response = await analyst.QueryAsync("mutation($input: UpdateSurveyInput!) { updateSurvey(input: $input) { identityPolicy } }",
            new { input = new { surveyId = id, title = EnFr("Residents only", "Résidents seulement"), questions = EveryQuestionType.Take(1).ToArray() } });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Contains("identityPolicy", response.Body, StringComparison.Ordinal);
        Assert.Equal(IdentityPolicy.VerifiedEmailRequired, (await _app.Get<ISurveyStore>().GetAsync(id))!.IdentityPolicy);
    }

    [Fact]
    public async Task An_admin_creates_and_renames_a_service_and_a_repeated_slug_or_unknown_service_is_refused()
    {
        var org = await _app.CreateOrganisationAsync();
        var admin = await _app.SignedInAsStaffAsync(org.Id, Role.Admin);
        var slug = $"permits-{Guid.NewGuid():N}"[..20];
        const string Create = "mutation($input: CreateServiceInput!) { createService(input: $input) { id slug organisationId name { text(language: \"fr\") } description { text } } }";
        const string Update = "mutation($input: UpdateServiceInput!) { updateService(input: $input) { id slug name { text } description { text } } }";

        var created = (await admin.QueryAsync(Create, new { input = new { organisationId = org.Id, slug, name = EnFr("Permits", "Permis"), description = EnFr("Apply", "Demander") } }))
            .AssertOk().At("createService");
        var id = created.GetProperty("id").GetString()!;
        var updated = (await admin.QueryAsync(Update, new { input = new { serviceId = id, name = EnFr("Building permits", "Permis de construire") } })).AssertOk().At("updateService");
        var listed = (await _app.Anonymous().QueryAsync("query($id: ID!) { organisation(id: $id) { services { id slug name { text } } } }", new { id = org.Id }))
            .AssertOk().At("organisation.services");
        var repeated = await admin.QueryAsync(Create, new { input = new { organisationId = org.Id, slug, name = EnFr("Again", "Encore") } });
        var nameless = await admin.QueryAsync(Create, new { input = new { organisationId = org.Id, slug = "nameless", name = Array.Empty<object>() } });
        var unknown = await admin.QueryAsync(Update, new { input = new { serviceId = "missing", name = EnFr("X", "X") } });

        Assert.Equal((slug, org.Id, "Permis"), (created.GetProperty("slug").GetString(), created.GetProperty("organisationId").GetString(),
            created.GetProperty("name").GetProperty("text").GetString()));
        Assert.Equal("Apply", created.GetProperty("description").GetProperty("text").GetString());
        Assert.Equal(("Building permits", slug), (updated.GetProperty("name").GetProperty("text").GetString(), updated.GetProperty("slug").GetString()));
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("description").GetProperty("text").ValueKind);
        var service = Assert.Single(listed.EnumerateArray());
        Assert.Equal("Building permits", service.GetProperty("name").GetProperty("text").GetString());
        AssertError(repeated, "CONFLICT", "slug", "DUPLICATE");
        AssertError(nameless, "VALIDATION", "name", "REQUIRED");
        AssertError(unknown, "NOT_FOUND", "serviceId", "NOT_FOUND");
    }

    [Fact]
    public async Task CreateService_without_an_organisationId_is_a_validation_error_that_names_the_field()
    {
        // A mistake in the input, not a request the caller's role forbids.
        var org = await _app.CreateOrganisationAsync();
        var admin = await _app.SignedInAsStaffAsync(org.Id, Role.Admin);

        var response = await admin.QueryAsync("mutation($input: CreateServiceInput!) { createService(input: $input) { id } }",
            new { input = new { slug = "no-organisation", name = EnFr("Nowhere", "Nulle part") } });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Contains("organisationId", response.Body, StringComparison.Ordinal);
    }

    private const string CreateMember = "mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { generatedPassword member { id email displayName grants { organisationId role } } } }";

    [Fact]
    public async Task CreateStaffMember_returns_a_generated_password_once_and_the_new_member_signs_in_with_it()
    {
        var org = await _app.CreateOrganisationAsync();
        var admin = await _app.SignedInAsStaffAsync(org.Id, Role.Admin);
        var email = $"Moderator-{Guid.NewGuid():N}@Example.org";
        object Member(string address, string? password = null) =>
            new { input = new { email = address, displayName = "Mo Derator", grants = new[] { new { organisationId = org.Id, role = "MODERATOR" } }, password } };

        var created = (await admin.QueryAsync(CreateMember, Member(email))).AssertOk().At("createStaffMember");
        var generated = created.GetProperty("generatedPassword").GetString()!;
        var member = await _app.SignedInAsync(email.ToLowerInvariant(), generated);
        var me = (await member.QueryAsync("{ me { id email displayName grants { organisationId role } } }")).AssertOk().At("me");
        var staff = (await admin.QueryAsync("query($id: ID!) { organisation(id: $id) { staff { id email } } }", new { id = org.Id })).AssertOk().At("organisation.staff");
        var chosen = (await admin.QueryAsync(CreateMember, Member($"chosen-{Guid.NewGuid():N}@example.org", "a long enough passphrase"))).AssertOk().At("createStaffMember");
        var duplicate = await admin.QueryAsync(CreateMember, Member(email.ToUpperInvariant()));
        var weak = await admin.QueryAsync(CreateMember, Member($"weak-{Guid.NewGuid():N}@example.org", "short"));
        var badEmail = await admin.QueryAsync(CreateMember, Member("not an email"));
        var noGrants = await admin.QueryAsync(CreateMember, new { input = new { email = $"n-{Guid.NewGuid():N}@example.org", displayName = "N", grants = Array.Empty<object>() } });

        Assert.Equal(PasswordRules.GeneratedLength, generated.Length);
        Assert.Equal(email.ToLowerInvariant(), created.GetProperty("member").GetProperty("email").GetString());
        Assert.Equal(created.GetProperty("member").GetRawText(), me.GetRawText());
        Assert.Equal("MODERATOR", me.GetProperty("grants")[0].GetProperty("role").GetString());
        Assert.Contains(created.GetProperty("member").GetProperty("id").GetString(), Ids(staff));
        Assert.DoesNotContain(generated, staff.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, chosen.GetProperty("generatedPassword").ValueKind);
        AssertError(duplicate, "CONFLICT", "email", "DUPLICATE");
        AssertError(weak, "VALIDATION", "password", "OUT_OF_RANGE");
        AssertError(badEmail, "VALIDATION", "email", "INVALID_FORMAT");
        AssertError(noGrants, "VALIDATION", "grants", "REQUIRED");
    }

    [Fact]
    public async Task CreateApiToken_shows_its_secret_once_the_token_authenticates_and_after_revokeApiToken_it_gets_401()
    {
        var org = await _app.CreateOrganisationAsync();
        var admin = await _app.SignedInAsStaffAsync(org.Id, Role.Admin);
        const string Tokens = "query($id: ID!) { organisation(id: $id) { apiTokens { id name prefix role organisationId createdAt expiresAt revokedAt } } }";

        var created = (await admin.QueryAsync("mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name prefix role organisationId expiresAt revokedAt } } }",
            new { input = new { organisationId = org.Id, name = "Open data export", role = "ANALYST", expiresAt = DateTimeOffset.UtcNow.AddDays(30) } })).AssertOk().At("createApiToken");
        var secret = created.GetProperty("secret").GetString()!;
        var tokenId = created.GetProperty("token").GetProperty("id").GetString()!;
        var listed = await admin.QueryAsync(Tokens, new { id = org.Id });
        var asToken = _app.WithToken(secret);
        var tokenReads = (await asToken.QueryAsync("query($id: ID!) { me { id } organisation(id: $id) { staff { id } } }", new { id = org.Id })).AssertOk();
        var tokenWrites = (await asToken.QueryAsync("mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }",
            new { input = new { organisationId = org.Id, slug = "by-token", title = EnFr("By token", "Par jeton") } })).AssertOk().At("createConsultation.id").GetString()!;
        var audit = (await admin.QueryAsync("query($id: ID!, $target: ID) { organisation(id: $id) { auditLog(targetId: $target) { nodes { action actor } } } }",
            new { id = org.Id, target = tokenWrites })).AssertOk().At("organisation.auditLog.nodes");
        var revoked = (await admin.QueryAsync("mutation($id: ID!) { revokeApiToken(tokenId: $id) { id revokedAt } }", new { id = tokenId })).AssertOk().At("revokeApiToken");
        var afterRevocation = await asToken.QueryAsync("{ me { id } }");
        var listedAfter = (await admin.QueryAsync(Tokens, new { id = org.Id })).AssertOk().At("organisation.apiTokens");
        var past = await admin.QueryAsync("mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }",
            new { input = new { organisationId = org.Id, name = "Expired", role = "ANALYST", expiresAt = DateTimeOffset.UtcNow.AddDays(-1) } });
        var unknown = await admin.QueryAsync("mutation { revokeApiToken(tokenId: \"missing\") { id } }");

        Assert.StartsWith("eng_", secret, StringComparison.Ordinal);
        Assert.Equal(secret[..8], created.GetProperty("token").GetProperty("prefix").GetString());
        Assert.Equal(("ANALYST", org.Id), (created.GetProperty("token").GetProperty("role").GetString(), created.GetProperty("token").GetProperty("organisationId").GetString()));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("token").GetProperty("revokedAt").ValueKind);
        Assert.Contains(tokenId, Ids(listed.AssertOk().At("organisation.apiTokens")));
        Assert.DoesNotContain(secret, listed.Body, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, tokenReads.At("me").ValueKind);
        Assert.Equal(JsonValueKind.Array, tokenReads.At("organisation.staff").ValueKind);
        Assert.Equal($"staff:token:{tokenId}", Assert.Single(audit.EnumerateArray()).GetProperty("actor").GetString());
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("revokedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation.Status);
        Assert.Equal(["UNAUTHENTICATED"], afterRevocation.ErrorCodes);
        Assert.NotEqual(JsonValueKind.Null, listedAfter.EnumerateArray().Single(t => t.GetProperty("id").GetString() == tokenId).GetProperty("revokedAt").ValueKind);
        AssertError(past, "VALIDATION", "expiresAt", "OUT_OF_RANGE");
        AssertError(unknown, "NOT_FOUND", "tokenId", "NOT_FOUND");
    }

    [Fact]
    public async Task Me_is_the_signed_in_member_and_null_for_api_tokens_and_anonymous_callers()
    {
        var org = await _app.CreateOrganisationAsync();
        var (member, password) = await _app.CreateStaffAsync(org.Id, Role.Analyst);
        var signedIn = await _app.SignedInAsync(member.Email, password);
        var token = _app.WithToken(await _app.CreateApiTokenAsync(org.Id, Role.Admin));
        const string Me = "{ me { id email displayName grants { organisationId role } } }";

        var mine = (await signedIn.QueryAsync(Me)).AssertOk().At("me");
        var byToken = (await token.QueryAsync(Me)).AssertOk().At("me");
        var anonymous = (await _app.Anonymous().QueryAsync(Me)).AssertOk().At("me");

        Assert.Equal((member.Id, member.Email, member.DisplayName), (mine.GetProperty("id").GetString(), mine.GetProperty("email").GetString(), mine.GetProperty("displayName").GetString()));
        Assert.Equal($$"""[{"organisationId":"{{org.Id}}","role":"ANALYST"}]""", mine.GetProperty("grants").GetRawText());
        Assert.Equal(JsonValueKind.Null, byToken.ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymous.ValueKind);
    }

    [Fact]
    public async Task AuditLog_lists_the_actions_just_taken_oldest_first_with_their_actor_pages_and_filters_by_target()
    {
        var org = await _app.CreateOrganisationAsync();
        var admin = await _app.SignedInAsStaffAsync(org.Id, Role.Admin);
        var adminId = (await admin.QueryAsync("{ me { id } }")).AssertOk().At("me.id").GetString()!;
        (await admin.QueryAsync("mutation($input: CreateServiceInput!) { createService(input: $input) { id } }",
            new { input = new { organisationId = org.Id, slug = "library", name = EnFr("Library", "Bibliothèque") } })).AssertOk();
        var consultationId = (await admin.QueryAsync("mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }",
            new { input = new { organisationId = org.Id, slug = "trees", title = EnFr("Trees", "Arbres"), summary = EnFr("S", "S"), body = EnFr("B", "B") } }))
            .AssertOk().At("createConsultation.id").GetString()!;
        (await admin.QueryAsync("mutation($id: ID!) { openConsultation(consultationId: $id) { id } }", new { id = consultationId })).AssertOk();
        var tokenId = (await admin.QueryAsync("mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id } } }",
            new { input = new { organisationId = org.Id, name = "T", role = "ANALYST" } })).AssertOk().At("createApiToken.token.id").GetString()!;
        (await admin.QueryAsync("mutation($id: ID!) { revokeApiToken(tokenId: $id) { id } }", new { id = tokenId })).AssertOk();
        const string Log = "query($id: ID!, $target: ID, $first: Int, $after: String) { organisation(id: $id) { auditLog(targetId: $target, first: $first, after: $after) { nodes { id action actor targetType targetId at detail } pageInfo { endCursor hasNextPage } } } }";

        var all = (await admin.QueryAsync(Log, new { id = org.Id, first = 100 })).AssertOk().At("organisation.auditLog");
        var byTarget = (await admin.QueryAsync(Log, new { id = org.Id, target = consultationId })).AssertOk().At("organisation.auditLog.nodes");
        var paged = new List<string>();
        string? after = null;
        do
        {
            var page = (await admin.QueryAsync(Log, new { id = org.Id, first = 2, after })).AssertOk().At("organisation.auditLog");
            paged.AddRange(Ids(page.GetProperty("nodes")));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null && paged.Count < 100);

        var nodes = all.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["organisation.created", "staff.created", "service.created", "consultation.created", "consultation.opened", "api_token.created", "api_token.revoked"],
            nodes.Select(n => n.GetProperty("action").GetString()));
        Assert.Equal(["system:system", "system:system"], nodes.Take(2).Select(n => n.GetProperty("actor").GetString()));
        Assert.All(nodes.Skip(2), n => Assert.Equal($"staff:{adminId}", n.GetProperty("actor").GetString()));
        Assert.Equal(("api_token", tokenId, "Analyst"), (nodes[5].GetProperty("targetType").GetString(), nodes[5].GetProperty("targetId").GetString(), nodes[5].GetProperty("detail").GetString()));
        Assert.False(all.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["consultation.created", "consultation.opened"], byTarget.EnumerateArray().Select(n => n.GetProperty("action").GetString()));
        Assert.Equal(nodes.Select(n => n.GetProperty("id").GetString()), paged);
    }

    [Fact]
    public async Task Service_ratings_page_oldest_first_with_their_comments_for_staff()
    {
        var org = await _app.CreateOrganisationAsync();
        var service = await _app.CreateServiceAsync(org.Id);
        var citizen = _app.Anonymous();
        for (var i = 1; i <= 5; i++)
            (await citizen.QueryAsync(Rate, new { input = new { serviceId = service.Id, score = i, language = "en", comment = $"Rating {i}" } })).AssertOk();
        var analyst = await _app.SignedInAsStaffAsync(org.Id, Role.Analyst);
        const string Ratings = "query($id: ID!, $after: String) { service(id: $id) { ratings(first: 2, after: $after) { nodes { id score comment language serviceId createdAt } pageInfo { endCursor hasNextPage } } } }";

        var pages = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = (await analyst.QueryAsync(Ratings, new { id = service.Id, after })).AssertOk().At("service.ratings");
            pages.Add(page);
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null && pages.Count < 10);
        var nodes = pages.SelectMany(p => p.GetProperty("nodes").EnumerateArray()).ToList();
        var tooMany = await analyst.QueryAsync("query($id: ID!) { service(id: $id) { ratings(first: 1000) { nodes { id } } } }", new { id = service.Id });

        Assert.Equal([2, 2, 1], pages.Select(p => p.GetProperty("nodes").GetArrayLength()));
        Assert.Equal(["Rating 1", "Rating 2", "Rating 3", "Rating 4", "Rating 5"], nodes.Select(n => n.GetProperty("comment").GetString()));
        Assert.Equal([1, 2, 3, 4, 5], nodes.Select(n => n.GetProperty("score").GetInt32()));
        Assert.Equal(5, nodes.Select(n => n.GetProperty("id").GetString()).Distinct().Count());
        AssertError(tooMany, "VALIDATION", "first", "OUT_OF_RANGE");
    }
}
