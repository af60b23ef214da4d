using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.ApiTokens;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>
/// Every field of Query and Mutation, every field that takes arguments and every field the schema reserves for staff,
/// asked by every kind of caller (anonymous, a citizen, staff and API tokens of organisation A and of another, B): each
/// gets what its role's permissions give in the organisation the record belongs to; a refusal carries no data, leaks no
/// planted secret and writes nothing (checked through the ports and the audit log). Every other field is public: each
/// type anyone can reach is probed whole, once, by an anonymous caller (the completeness test enforces both rules).
/// </summary>
public sealed partial class AuthorizationMatrixTests(MatrixCallers callers) : IClassFixture<MatrixCallers>
{
    /// <summary>What one caller gets from one operation.</summary>
    public enum Expect
    {
        /// <summary>Data, no error; a mutation writes and audits the caller.</summary>
        Allowed,

        /// <summary>UNAUTHENTICATED: the caller holds no staff grant at all.</summary>
        Unauthenticated,

        /// <summary>FORBIDDEN: the caller is signed in or holds a token, but not this permission in this organisation.</summary>
        Forbidden,

        /// <summary>No error, and the draft (or `me`) is simply not there.</summary>
        Hidden,
    }

    private const Expect Ok = Expect.Allowed;
    private const Expect Un = Expect.Unauthenticated;
    private const Expect No = Expect.Forbidden;
    private const Expect Hid = Expect.Hidden;

    /// <summary>The callers, in the order of the table's columns.</summary>
    private static readonly Caller[] Columns =
    [
        Caller.Anonymous, Caller.Citizen, Caller.ModeratorOfA, Caller.AnalystOfA, Caller.AdminOfA, Caller.ModeratorOfB, Caller.AnalystOfB, Caller.AdminOfB,
        Caller.AdminTokenOfA, Caller.AnalystTokenOfA, Caller.ModeratorTokenOfA, Caller.AdminTokenOfB, Caller.AnalystTokenOfB, Caller.ModeratorTokenOfB, Caller.CitizenTokenOfA,
    ];

    /// <summary>
    /// The expected table, written out from RolePermissions: every record probed belongs to organisation A. The rule it
    /// keeps (enforced against the served schema): a row for every field of Query and Mutation, for every field that takes
    /// arguments, and for every field whose description says "staff only" or "admins only"; every other field of a type
    /// anyone can reach is public, asserted by one probe per type for an anonymous caller (<see cref="PublicTypes"/>).
    /// A row named "Type.field (case)" is a further case of the same field.
    /// </summary>
    private static readonly (string Operation, Expect[] Expected)[] Table =
    [
        //                                                        anon citizen modA anaA admA modB anaB admB tAdmA tAnaA tModA tAdmB tAnaB tModB tCitA
        ("Organisation.staff",                                   [Un,  Un,     Ok,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   Ok,   No,   No,   No,   No]),
        ("Organisation.apiTokens",                               [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Organisation.auditLog",                                [Un,  Un,     Ok,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   Ok,   No,   No,   No,   No]),
        ("Service.ratings",                                      [Un,  Un,     Ok,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   Ok,   No,   No,   No,   No]),
        ("Service.widgetKeys",                                   [Un,  Un,     Ok,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   Ok,   No,   No,   No,   No]),
        ("Query.moderationQueue",                                [Un,  Un,     Ok,  No,  Ok,  No,  No,  No,  Ok,   No,   Ok,   No,   No,   No,   No]),
        ("Query.moderationMetrics",                              [Un,  Un,     Ok,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   Ok,   No,   No,   No,   No]),
        ("Query.serviceInsights",                                [Un,  Un,     Ok,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   Ok,   No,   No,   No,   No]),
        ("Query.consultationInsights",                           [Un,  Un,     Ok,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   Ok,   No,   No,   No,   No]),
        ("Query.surveyInsights",                                 [Un,  Un,     Ok,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   Ok,   No,   No,   No,   No]),
        ("Query.themes",                                         [Un,  Un,     Ok,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   Ok,   No,   No,   No,   No]),
        ("Query.driftAlerts",                                    [Un,  Un,     Ok,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   Ok,   No,   No,   No,   No]),
        ("Query.backlog",                                        [Un,  Un,     Ok,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   Ok,   No,   No,   No,   No]),
        ("Query.backlogItem",                                    [Un,  Un,     Ok,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   Ok,   No,   No,   No,   No]),
        ("Mutation.createBacklogItem",                           [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Mutation.addBacklogEvidence",                          [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Mutation.changeBacklogStatus",                         [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Mutation.mergeBacklogItems",                           [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Query.sentiment",                                      [Un,  Un,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   No]),
        ("Query.termLists",                                      [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Query.me",                                             [Hid, Hid,    Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Hid,  Hid,  Hid,  Hid,  Hid,  Hid,  Hid]),
        ("Query.consultation",                                   [Hid, Hid,    Ok,  Ok,  Ok,  Hid, Hid, Hid, Ok,   Ok,   Ok,   Hid,  Hid,  Hid,  Hid]),
        ("Query.survey",                                         [Hid, Hid,    Ok,  Ok,  Ok,  Hid, Hid, Hid, Ok,   Ok,   Ok,   Hid,  Hid,  Hid,  Hid]),
        ("Organisation.consultations",                           [Hid, Hid,    Ok,  Ok,  Ok,  Hid, Hid, Hid, Ok,   Ok,   Ok,   Hid,  Hid,  Hid,  Hid]),
        ("Organisation.surveys",                                 [Hid, Hid,    Ok,  Ok,  Ok,  Hid, Hid, Hid, Ok,   Ok,   Ok,   Hid,  Hid,  Hid,  Hid]),
        ("Consultation.surveys",                                 [Hid, Hid,    Ok,  Ok,  Ok,  Hid, Hid, Hid, Ok,   Ok,   Ok,   Hid,  Hid,  Hid,  Hid]),
        ("Mutation.createService",                               [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.updateService",                               [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.createWidgetKey",                             [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.updateWidgetKey",                             [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.setWidgetKeyEnabled",                         [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.claimModerationItem",                         [Un,  Un,     Ok,  No,  Ok,  No,  No,  No,  Ok,   No,   Ok,   No,   No,   No,   No]),
        ("Mutation.releaseModerationItem",                       [Un,  Un,     Ok,  No,  Ok,  No,  No,  No,  Ok,   No,   Ok,   No,   No,   No,   No]),
        ("Mutation.decideModerationItem",                        [Un,  Un,     Ok,  No,  Ok,  No,  No,  No,  Ok,   No,   Ok,   No,   No,   No,   No]),
        ("Mutation.decideModerationItems",                       [Un,  Un,     Ok,  No,  Ok,  No,  No,  No,  Ok,   No,   Ok,   No,   No,   No,   No]),
        ("Mutation.setTermList",                                 [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.createConsultation",                          [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Mutation.updateConsultation",                          [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Mutation.openConsultation",                            [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Mutation.closeConsultation",                           [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Mutation.publishOutcome",                              [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Mutation.createSurvey",                                [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Mutation.updateSurvey",                                [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Mutation.openSurvey",                                  [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Mutation.closeSurvey",                                 [Un,  Un,     No,  Ok,  Ok,  No,  No,  No,  Ok,   Ok,   No,   No,   No,   No,   No]),
        ("Mutation.createStaffMember",                           [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.createStaffMember (roles in A and in B)",     [Un,  Un,     No,  No,  No,  No,  No,  No,  No,   No,   No,   No,   No,   No,   No]),
        ("Mutation.createApiToken",                              [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.revokeApiToken",                              [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Query.webhooks",                                       [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Query.webhookDeliveries",                              [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.registerWebhook",                             [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.updateWebhook",                               [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.setWebhookEnabled",                           [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.deleteWebhook",                               [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        ("Mutation.retryWebhookDelivery",                        [Un,  Un,     No,  No,  Ok,  No,  No,  No,  Ok,   No,   No,   No,   No,   No,   No]),
        // Public: what citizens read and do. Staff and tokens of any organisation get the same as anyone.
        ("Query.organisation",                                   [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Query.organisations",                                  [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Query.service",                                        [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Query.consultation (open)",                            [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Query.survey (open)",                                  [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("LocalizedText.text",                                   [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Service.pageRatings",                                  [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Consultation.comments",                                [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Mutation.registerParticipant",                         [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Mutation.postComment",                                 [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Mutation.postComment (reply)",                         [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Mutation.react",                                       [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Mutation.reportComment",                               [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Mutation.submitRating",                                [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Mutation.submitSurveyResponse",                        [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Mutation.requestEmailVerification",                    [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Mutation.confirmEmailVerification",                    [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
        ("Mutation.unsubscribe",                                 [Ok,  Ok,     Ok,  Ok,  Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   Ok,   Ok,   Ok,   Ok]),
    ];

    public static TheoryData<string, Caller, Expect> Cells()
    {
        var cells = new TheoryData<string, Caller, Expect>();
        foreach (var (operation, expected) in Table)
        {
            for (var i = 0; i < Columns.Length; i++)
                cells.Add(operation, Columns[i], expected[i]);
        }
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_what_its_role_allows_and_a_refusal_leaks_nothing_and_writes_nothing(string operation, Caller caller, Expect expected)
    {
        var attempt = await PrepareAsync(operation, caller);
        var stateBefore = attempt.State is null ? null : await attempt.State();
        var auditA = await callers.AuditEndAsync(callers.A.Id);
        var auditB = await callers.AuditEndAsync(callers.B.Id);

        var response = await callers.Client(caller).QueryAsync(attempt.Query, attempt.Variables);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var data = response.At(attempt.Field);
        var writtenInA = await callers.AuditAfterAsync(callers.A.Id, auditA);
        Assert.Empty(await callers.AuditAfterAsync(callers.B.Id, auditB));
        if (attempt.PublicId is { } publicId)
            Assert.Contains(publicId, response.Body, StringComparison.Ordinal);
        if (attempt.Withheld is { } withheld)
            Assert.DoesNotContain(withheld, response.Body, StringComparison.Ordinal);

        switch (expected)
        {
            case Expect.Allowed:
                response.AssertOk();
                Assert.NotEqual(JsonValueKind.Null, data.ValueKind);
                if (attempt.Secret is { } secret)
                    Assert.Contains(secret, response.Body, StringComparison.Ordinal);
                if (attempt.Shows is { } shows)
                    Assert.True(shows(data, caller), $"Expected the record to be shown: {response.Body}");
                if (attempt.State is { } state)
                {
                    Assert.NotEqual(stateBefore, await state());
                    if (attempt.Audited)
                        Assert.Equal(callers.ActorOf(caller), Assert.Single(writtenInA).Actor.ToString());
                    else
                        Assert.Empty(writtenInA);
                }
                else
                {
                    Assert.Empty(writtenInA);
                }
                break;

            case Expect.Hidden:
                response.AssertOk();
                Assert.False(attempt.Shows!(data, caller), $"Expected the record to be hidden: {response.Body}");
                if (attempt.Secret is { } hidden)
                    Assert.DoesNotContain(hidden, response.Body, StringComparison.Ordinal);
                Assert.Empty(writtenInA);
                break;

            default:
                Assert.Equal([expected == Expect.Unauthenticated ? "UNAUTHENTICATED" : "FORBIDDEN"], response.ErrorCodes);
                Assert.Equal(JsonValueKind.Null, data.ValueKind);
                if (attempt.Secret is { } leaked)
                    Assert.DoesNotContain(leaked, response.Body, StringComparison.Ordinal);
                if (attempt.State is { } unchanged)
                    Assert.Equal(stateBefore, await unchanged());
                Assert.Empty(writtenInA);
                break;
        }
    }

    [Fact]
    public void Every_row_of_the_table_names_one_outcome_per_caller_and_no_operation_twice()
    {
        Assert.All(Table, row => Assert.Equal(Columns.Length, row.Expected.Length));
        Assert.Equal(Enum.GetValues<Caller>().Order(), Columns.Order());
        Assert.Equal(Table.Length, Table.Select(r => r.Operation).Distinct().Count());
    }

    /// <summary>
    /// The types anyone may read whole, each with a query that reaches one instance as an anonymous caller: the row whose
    /// records it reads (prepared as for that row), the query with SELECTION where the type's fields go, and the path to it.
    /// </summary>
    private static readonly Dictionary<string, (string Row, string Query, string Path)> PublicTypes = new()
    {
        ["Organisation"] = ("Query.organisation", "query($org: ID!) { organisation(id: $org) { SELECTION } }", "organisation"),
        ["LocalizedText"] = ("Query.organisation", "query($org: ID!) { organisation(id: $org) { name { SELECTION } } }", "organisation.name"),
        ["Translation"] = ("Query.organisation", "query($org: ID!) { organisation(id: $org) { name { translations { SELECTION } } } }", "organisation.name.translations"),
        ["Service"] = ("Query.service", "query($id: ID!) { service(id: $id) { SELECTION } }", "service"),
        ["RatingSummary"] = ("Query.service", "query($id: ID!) { service(id: $id) { ratingSummary { SELECTION } } }", "service.ratingSummary"),
        ["ShippedImprovement"] = ("Query.service", "query($id: ID!) { service(id: $id) { improvements { SELECTION } } }", "service.improvements"),
        ["PageRatings"] = ("Service.pageRatings", "query($id: ID!) { service(id: $id) { pageRatings { SELECTION } } }", "service.pageRatings"),
        ["Consultation"] = ("Query.consultation (open)", "query($id: ID!) { consultation(id: $id) { SELECTION } }", "consultation"),
        ["CommentCounts"] = ("Query.consultation (open)", "query($id: ID!) { consultation(id: $id) { commentCounts { SELECTION } } }", "consultation.commentCounts"),
        ["CommentConnection"] = ("Consultation.comments",
            "query($id: ID!, $token: String) { consultation(id: $id) { comments(participantToken: $token) { SELECTION } } }", "consultation.comments"),
        ["PageInfo"] = ("Consultation.comments",
            "query($id: ID!, $token: String) { consultation(id: $id) { comments(participantToken: $token) { pageInfo { SELECTION } } } }", "consultation.comments.pageInfo"),
        ["Comment"] = ("Consultation.comments",
            "query($id: ID!, $token: String) { consultation(id: $id) { comments(participantToken: $token) { nodes { SELECTION } } } }", "consultation.comments.nodes"),
        ["Survey"] = ("Query.survey (open)", "query($id: ID!) { survey(id: $id) { SELECTION } }", "survey"),
        ["Question"] = ("Query.survey (open)", "query($id: ID!) { survey(id: $id) { questions { SELECTION } } }", "survey.questions"),
        ["QuestionOption"] = ("Query.survey (open)", "query($id: ID!) { survey(id: $id) { questions { options { SELECTION } } } }", "survey.questions.options"),
        ["ShowIfRule"] = ("Query.survey (open)", "query($id: ID!) { survey(id: $id) { questions { showIf { SELECTION } } } }", "survey.questions.showIf"),
        ["SurveyResults"] = ("Query.survey (open)", "query($id: ID!) { survey(id: $id) { results { SELECTION } } }", "survey.results"),
        ["QuestionResult"] = ("Query.survey (open)", "query($id: ID!) { survey(id: $id) { results { questions { SELECTION } } } }", "survey.results.questions"),
        ["ValueCount"] = ("Query.survey (open)", "query($id: ID!) { survey(id: $id) { results { questions { counts { SELECTION } } } } }", "survey.results.questions.counts"),
        ["ParticipantRegistration"] = ("Mutation.registerParticipant", "mutation { registerParticipant { SELECTION } }", "registerParticipant"),
        ["ReactionResult"] = ("Mutation.react", "mutation($input: ReactInput!) { react(input: $input) { SELECTION } }", "react"),
        ["CommentReport"] = ("Mutation.reportComment", "mutation($input: ReportCommentInput!) { reportComment(input: $input) { SELECTION } }", "reportComment"),
        ["Rating"] = ("Mutation.submitRating", "mutation($input: SubmitRatingInput!) { submitRating(input: $input) { SELECTION } }", "submitRating"),
        ["SurveyResponse"] = ("Mutation.submitSurveyResponse",
            "mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { SELECTION } }", "submitSurveyResponse"),
        ["EmailVerificationRequest"] = ("Mutation.requestEmailVerification",
            "mutation($email: String!) { requestEmailVerification(email: $email, language: \"en\") { SELECTION } }", "requestEmailVerification"),
        ["EmailVerification"] = ("Mutation.confirmEmailVerification",
            "mutation($token: String!) { confirmEmailVerification(token: $token) { SELECTION } }", "confirmEmailVerification"),
        ["Unsubscription"] = ("Mutation.unsubscribe", "mutation($token: String!) { unsubscribe(token: $token) { SELECTION } }", "unsubscribe"),
    };

    public static TheoryData<string> PublicTypeNames() => new(PublicTypes.Keys.Order(StringComparer.Ordinal));

    /// <summary>
    /// The rule the table keeps, checked against the schema as served: a row for every field of Query and Mutation, every
    /// field that takes arguments, and every field whose description reserves it ("staff only", "admins only"); and every
    /// object type an anonymous caller can reach without going through a row it is refused is a public type, each of whose
    /// other fields is asserted public by the one probe <see cref="Every_other_field_of_a_public_type_answers_an_anonymous_caller"/>.
    /// </summary>
    [Fact]
    public async Task The_table_has_a_row_for_every_root_field_every_field_with_arguments_and_every_reserved_field_and_a_probe_for_every_public_type()
    {
        var schema = await SchemaAsync();
        var rows = Table.Select(r => r.Operation.Split(" (")[0]).ToHashSet(StringComparer.Ordinal);
        var needed = new List<string>();
        foreach (var (typeName, fields) in schema)
        {
            foreach (var field in fields.Values)
            {
                if (typeName is "Query" or "Mutation" || field.HasArguments || StaffOnly().IsMatch(field.Description))
                    needed.Add($"{typeName}.{field.Name}");
            }
        }

        // Reachable by anyone: from the roots, through every field except those whose every row refuses (or hides from) anonymous.
        var publicTypes = new HashSet<string>(StringComparer.Ordinal);
        var toVisit = new Queue<string>(["Query", "Mutation"]);
        while (toVisit.TryDequeue(out var typeName))
        {
            foreach (var field in schema[typeName].Values)
            {
                var operation = $"{typeName}.{field.Name}";
                var anonymousGetsData = Table.Where(r => r.Operation.Split(" (")[0] == operation).Select(r => r.Expected[0]).DefaultIfEmpty(Expect.Allowed).Contains(Expect.Allowed);
                if (anonymousGetsData && schema.ContainsKey(field.TypeName) && publicTypes.Add(field.TypeName))
                    toVisit.Enqueue(field.TypeName);
            }
        }

        Assert.Contains("Organisation.apiTokens", needed);
        Assert.Contains("Mutation.revokeApiToken", needed);
        Assert.Contains("Consultation.comments", needed);
        Assert.All(needed, operation => Assert.Contains(operation, rows));
        Assert.All(rows, row => Assert.True(schema.TryGetValue(row.Split('.')[0], out var fields) && fields.ContainsKey(row.Split('.')[1]), $"{row} is not in the schema."));
        Assert.Equal(publicTypes.Order(StringComparer.Ordinal), PublicTypes.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PublicTypeNames))]
    public async Task Every_other_field_of_a_public_type_answers_an_anonymous_caller(string typeName)
    {
        var schema = await SchemaAsync();
        var rows = Table.Select(r => r.Operation.Split(" (")[0]).ToHashSet(StringComparer.Ordinal);
        var fields = schema[typeName].Values.Where(f => !f.HasArguments && !rows.Contains($"{typeName}.{f.Name}")).ToList();
        var selection = string.Join(" ", fields.Select(f => schema.ContainsKey(f.TypeName) ? $"{f.Name} {{ __typename }}" : f.Name));
        var (row, query, path) = PublicTypes[typeName];
        var attempt = await PrepareAsync(row, Caller.Anonymous);

        var response = await callers.Client(Caller.Anonymous).QueryAsync(query.Replace("SELECTION", selection, StringComparison.Ordinal), attempt.Variables);

        response.AssertOk();
        var instance = Find(response.Data, path.Split('.'));
        Assert.True(instance is not null, $"No {typeName} at {path}: {response.Body}");
        Assert.All(fields, f => Assert.True(instance.Value.TryGetProperty(f.Name, out _), $"{typeName}.{f.Name} is missing: {response.Body}"));
    }

    // The first object at the end of the path, looking through lists for an item where the rest of the path leads somewhere.
    private static JsonElement? Find(JsonElement at, ReadOnlySpan<string> path)
    {
        if (at.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in at.EnumerateArray())
            {
                if (Find(item, path) is { } found)
                    return found;
            }
            return null;
        }
        if (at.ValueKind != JsonValueKind.Object)
            return null;
        if (path.IsEmpty)
            return at;
        return at.TryGetProperty(path[0], out var next) ? Find(next, path[1..]) : null;
    }

    private sealed record SchemaField(string Name, string Description, bool HasArguments, string TypeName);

    /// <summary>The object types of the schema as served (introspection types left out), each with its fields by name.</summary>
    private async Task<Dictionary<string, Dictionary<string, SchemaField>>> SchemaAsync()
    {
        var schema = (await callers.Client(Caller.Anonymous).QueryAsync(
            "{ __schema { types { name kind fields { name description args { name } type { name ofType { name ofType { name ofType { name } } } } } } } }")).AssertOk();
        var types = new Dictionary<string, Dictionary<string, SchemaField>>(StringComparer.Ordinal);
        foreach (var type in schema.At("__schema.types").EnumerateArray())
        {
            var typeName = type.GetProperty("name").GetString()!;
            if (typeName.StartsWith("__", StringComparison.Ordinal) || type.GetProperty("kind").GetString() != "OBJECT")
                continue;
            types[typeName] = type.GetProperty("fields").EnumerateArray().Select(f => new SchemaField(
                f.GetProperty("name").GetString()!, f.GetProperty("description").GetString() ?? "", f.GetProperty("args").GetArrayLength() > 0, NamedType(f.GetProperty("type"))))
                .ToDictionary(f => f.Name, StringComparer.Ordinal);
        }
        return types;
    }

    // Through NON_NULL and LIST wrappers (which have no name) to the named type.
    private static string NamedType(JsonElement type) =>
        type.GetProperty("name").GetString() ?? NamedType(type.GetProperty("ofType"));

    [Fact]
    public async Task A_participant_token_sent_as_a_bearer_token_grants_nothing_and_is_refused_with_401()
    {
        var response = await callers.App.WithToken(callers.ParticipantToken)
            .QueryAsync("query($org: ID!) { organisation(id: $org) { staff { email } } }", new { org = callers.A.Id });

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.DoesNotContain(callers.PlantedMember.Email, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_mutations_on_a_record_answer_an_anonymous_caller_UNAUTHENTICATED_whether_or_not_the_record_exists()
    {
        // Otherwise NOT_FOUND for a made-up id against UNAUTHENTICATED for a real one tells anyone which ids exist,
        // drafts included, which `consultation(id)` and `survey(id)` take care to hide.
        string[] mutations =
        [
            "updateService(input: {serviceId: \"missing\", name: [{language: \"en\", text: \"x\"}]}) { id }",
            "updateConsultation(input: {consultationId: \"missing\", title: [{language: \"en\", text: \"x\"}], identityPolicy: ANONYMOUS_ALLOWED}) { id }",
            "openConsultation(consultationId: \"missing\") { id }",
            "closeConsultation(consultationId: \"missing\") { id }",
            "publishOutcome(consultationId: \"missing\", outcome: [{language: \"en\", text: \"x\"}]) { id }",
            "updateSurvey(input: {surveyId: \"missing\", title: [{language: \"en\", text: \"x\"}], identityPolicy: ANONYMOUS_ALLOWED, questions: []}) { id }",
            "openSurvey(surveyId: \"missing\") { id }",
            "closeSurvey(surveyId: \"missing\") { id }",
            "revokeApiToken(tokenId: \"missing\") { id }",
        ];

        var answers = new List<string>();
        foreach (var mutation in mutations)
        {
            var response = await callers.Client(Caller.Anonymous).QueryAsync($"mutation {{ {mutation} }}");
            answers.Add($"{mutation.Split('(')[0]}: {string.Join(",", response.ErrorCodes)}");
        }

        Assert.Equal(mutations.Select(m => $"{m.Split('(')[0]}: UNAUTHENTICATED"), answers);
    }

    [Fact]
    public async Task A_contribution_to_a_draft_gets_from_every_caller_the_very_answer_a_made_up_id_gets()
    {
        // Drafts are hidden from every read but their organisation's staff's; an answer of its own ("not open") for a
        // draft's id would tell anyone which ids are drafts. The contributions carry a participant token, not staff rights.
        var consultation = await App.CreateDraftConsultationAsync(A);
        var survey = await App.CreateDraftSurveyAsync(A);
        const string PostComment = "mutation($input: PostCommentInput!) { postComment(input: $input) { id } }";
        const string Respond = "mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { id } }";

        foreach (var caller in Columns)
        {
            var client = callers.Client(caller);
            object Comment(string id, string token) => new { input = new { consultationId = id, participantToken = token, text = "Hello", language = "en" } };
            object Response(string id, string token) => new { input = new { surveyId = id, participantToken = token, language = "en", answers = Array.Empty<object>() } };
            var token = await App.RegisterParticipantAsync();

            var toDraft = await client.QueryAsync(PostComment, Comment(consultation.Id, token));
            var toNothing = await client.QueryAsync(PostComment, Comment("no-such-consultation", token));
            var toDraftSurvey = await client.QueryAsync(Respond, Response(survey.Id, token));
            var toNoSurvey = await client.QueryAsync(Respond, Response("no-such-survey", token));

            Assert.Equal(["NOT_FOUND"], toNothing.ErrorCodes);
            Assert.Equal((caller, toNothing.Body), (caller, toDraft.Body));
            Assert.Equal(["NOT_FOUND"], toNoSurvey.ErrorCodes);
            Assert.Equal((caller, toNoSurvey.Body), (caller, toDraftSurvey.Body));
        }
        Assert.Empty((await App.Get<Core.Comments.ICommentStore>().ListTopLevelAsync(consultation.Id, null, new PageRequest(null, PageRequest.MaxLimit))).Items);
        Assert.Empty((await App.Get<ISurveyResponseStore>().ListAsync(survey.Id, new PageRequest(null, PageRequest.MaxLimit))).Items);
    }

    [GeneratedRegex("staff only|admins only", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StaffOnly();
}
