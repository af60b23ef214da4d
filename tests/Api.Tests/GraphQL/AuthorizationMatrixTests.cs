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
/// Every staff-only field, draft view and staff mutation, asked by every kind of caller: each gets what its role's
/// permissions give in the organisation the record belongs to; a refusal carries no data, leaks no planted secret and
/// writes nothing (checked through the ports and the audit log).
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
        Caller.Anonymous, Caller.Citizen, Caller.ModeratorOfA, Caller.AnalystOfA, Caller.AdminOfA, Caller.AdminOfB,
        Caller.AdminTokenOfA, Caller.AnalystTokenOfA, Caller.AdminTokenOfB, Caller.CitizenTokenOfA,
    ];

    /// <summary>The expected table, written out from RolePermissions: every record probed belongs to organisation A.</summary>
    private static readonly (string Operation, Expect[] Expected)[] Table =
    [
        //                                                        anon citizen modA anaA admA admB tAdmA tAnaA tAdmB tCitA
        ("Organisation.staff",                                   [Un,  Un,     Ok,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Organisation.apiTokens",                               [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Organisation.auditLog",                                [Un,  Un,     Ok,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Service.ratings",                                      [Un,  Un,     Ok,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Service.widgetKeys",                                   [Un,  Un,     Ok,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Query.moderationQueue",                                [Un,  Un,     Ok,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Query.moderationMetrics",                              [Un,  Un,     Ok,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Query.serviceInsights",                                [Un,  Un,     Ok,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Query.consultationInsights",                           [Un,  Un,     Ok,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Query.surveyInsights",                                 [Un,  Un,     Ok,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Query.themes",                                         [Un,  Un,     Ok,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Query.driftAlerts",                                    [Un,  Un,     Ok,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Query.backlog",                                        [Un,  Un,     Ok,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Query.backlogItem",                                    [Un,  Un,     Ok,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.createBacklogItem",                           [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.addBacklogEvidence",                          [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.changeBacklogStatus",                         [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.mergeBacklogItems",                           [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Query.sentiment",                                      [Un,  Un,     Ok,  Ok,  Ok,  Ok,  Ok,   Ok,   Ok,   No]),
        ("Query.termLists",                                      [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Query.me",                                             [Hid, Hid,    Ok,  Ok,  Ok,  Ok,  Hid,  Hid,  Hid,  Hid]),
        ("Query.consultation",                                   [Hid, Hid,    Ok,  Ok,  Ok,  Hid, Ok,   Ok,   Hid,  Hid]),
        ("Query.survey",                                         [Hid, Hid,    Ok,  Ok,  Ok,  Hid, Ok,   Ok,   Hid,  Hid]),
        ("Organisation.consultations",                           [Hid, Hid,    Ok,  Ok,  Ok,  Hid, Ok,   Ok,   Hid,  Hid]),
        ("Organisation.surveys",                                 [Hid, Hid,    Ok,  Ok,  Ok,  Hid, Ok,   Ok,   Hid,  Hid]),
        ("Consultation.surveys",                                 [Hid, Hid,    Ok,  Ok,  Ok,  Hid, Ok,   Ok,   Hid,  Hid]),
        ("Mutation.createService",                               [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.updateService",                               [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.createWidgetKey",                             [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.updateWidgetKey",                             [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.setWidgetKeyEnabled",                         [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.claimModerationItem",                         [Un,  Un,     Ok,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.releaseModerationItem",                       [Un,  Un,     Ok,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.decideModerationItem",                        [Un,  Un,     Ok,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.decideModerationItems",                       [Un,  Un,     Ok,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.setTermList",                                 [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.createConsultation",                          [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.updateConsultation",                          [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.openConsultation",                            [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.closeConsultation",                           [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.publishOutcome",                              [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.createSurvey",                                [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.updateSurvey",                                [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.openSurvey",                                  [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.closeSurvey",                                 [Un,  Un,     No,  Ok,  Ok,  No,  Ok,   Ok,   No,   No]),
        ("Mutation.createStaffMember",                           [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.createStaffMember (roles in A and in B)",     [Un,  Un,     No,  No,  No,  No,  No,   No,   No,   No]),
        ("Mutation.createApiToken",                              [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.revokeApiToken",                              [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Query.webhooks",                                       [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Query.webhookDeliveries",                              [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.registerWebhook",                             [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.updateWebhook",                               [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.setWebhookEnabled",                           [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.deleteWebhook",                               [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
        ("Mutation.retryWebhookDelivery",                        [Un,  Un,     No,  No,  Ok,  No,  Ok,   No,   No,   No]),
    ];

    /// <summary>The citizens' own mutations, which no staff permission guards.</summary>
    private static readonly string[] CitizenMutations = ["registerParticipant", "postComment", "react", "reportComment", "submitSurveyResponse", "submitRating",
        "requestEmailVerification", "confirmEmailVerification", "unsubscribe"];

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
                    Assert.Equal(callers.ActorOf(caller), Assert.Single(writtenInA).Actor.ToString());
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

    [Fact]
    public async Task The_table_has_a_row_for_every_staff_mutation_and_every_field_the_schema_reserves_for_staff()
    {
        var schema = (await callers.Client(Caller.Anonymous).QueryAsync("{ __schema { types { name fields { name description } } } }")).AssertOk();
        var reserved = new List<string>();
        foreach (var type in schema.At("__schema.types").EnumerateArray())
        {
            var typeName = type.GetProperty("name").GetString()!;
            if (typeName.StartsWith("__", StringComparison.Ordinal) || type.GetProperty("fields").ValueKind != JsonValueKind.Array)
                continue;
            foreach (var field in type.GetProperty("fields").EnumerateArray())
            {
                var name = field.GetProperty("name").GetString()!;
                var description = field.GetProperty("description").GetString() ?? "";
                if (typeName == "Mutation" ? !CitizenMutations.Contains(name) : StaffOnly().IsMatch(description))
                    reserved.Add($"{typeName}.{name}");
            }
        }
        var rows = Table.Select(r => r.Operation.Split(" (")[0]).ToHashSet();

        Assert.Contains("Organisation.apiTokens", reserved);
        Assert.Contains("Mutation.revokeApiToken", reserved);
        Assert.All(reserved, operation => Assert.Contains(operation, rows));
    }

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

    [GeneratedRegex("staff only|admins only", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StaffOnly();
}
