using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Staff;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>Citizens' reports, and what moderators do with the queue they feed: redact and approve, decide many items at once.</summary>
public sealed partial class ApiFlowTests
{
    private const string ReportComment = "mutation($input: ReportCommentInput!) { reportComment(input: $input) { commentId reason reportedAt } }";

    private const string Queue = """
        query($org: ID!) { moderationQueue(organisationId: $org) { id targetId source text status reports { reason count } risk } }
        """;

    private const string Claim = "mutation($id: ID!) { claimModerationItem(id: $id) { id claimedBy } }";

    private const string Decide = """
        mutation($id: ID!, $action: ModerationAction!, $reason: String, $redactedText: String) {
          decideModerationItem(id: $id, action: $action, reason: $reason, redactedText: $redactedText) { id status decision text }
        }
        """;

    private const string DecideMany = """
        mutation($org: ID!, $ids: [ID!]!, $action: ModerationAction!, $reason: String) {
          decideModerationItems(organisationId: $org, ids: $ids, action: $action, reason: $reason) { id succeeded code message }
        }
        """;

    private static object Report(string commentId, string token, string reason) => new { input = new { commentId, participantToken = token, reason } };

    /// <summary>A published comment in a new organisation's open consultation, and the consultation's id.</summary>
    private async Task<(string OrganisationId, string ConsultationId, string CommentId)> PublishedCommentAsync(GraphQLClient citizen, string text)
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var posted = (await citizen.QueryAsync(PostComment, Comment(consultation.Id, await RegisterParticipantAsync(citizen), text))).AssertOk().At("postComment");
        Assert.Equal("PUBLISHED", posted.GetProperty("status").GetString());
        return (org.Id, consultation.Id, posted.GetProperty("id").GetString()!);
    }

    /// <summary>
    /// New participants report the comment for these reasons (by default three, enough to hide it at the default threshold);
    /// returns its queue item's id.
    /// </summary>
    private async Task<string> HideByReportsAsync(GraphQLClient citizen, GraphQLClient moderator, string organisationId, string commentId, params string[] reasons)
    {
        foreach (var reason in reasons.Length > 0 ? reasons : ["SPAM", "SPAM", "PERSONAL_INFORMATION"])
            (await citizen.QueryAsync(ReportComment, Report(commentId, await RegisterParticipantAsync(citizen), reason))).AssertOk();
        var queue = (await moderator.QueryAsync(Queue, new { org = organisationId })).AssertOk().At("moderationQueue");
        return queue.EnumerateArray().Single(i => i.GetProperty("targetId").GetString() == commentId).GetProperty("id").GetString()!;
    }

    private async Task<string[]> ListedCommentIdsAsync(GraphQLClient client, string consultationId) =>
        Ids((await client.QueryAsync(Thread, new { id = consultationId })).AssertOk().At("consultation.comments.nodes"));

    [Fact]
    public async Task ReportComment_three_citizens_hide_the_comment_and_a_moderator_sees_the_reports_by_reason_and_publishes_it_again()
    {
        var citizen = _app.Anonymous();
        var (org, consultationId, commentId) = await PublishedCommentAsync(citizen, "The crossing guard on Pine Avenue never shows up.");
        var moderator = await _app.SignedInAsStaffAsync(org, Role.Moderator);

        var first = (await citizen.QueryAsync(ReportComment, Report(commentId, await RegisterParticipantAsync(citizen), "OFF_TOPIC"))).AssertOk().At("reportComment");
        Assert.Equal((commentId, "OFF_TOPIC"), (first.GetProperty("commentId").GetString(), first.GetProperty("reason").GetString()));
        Assert.Equal([commentId], await ListedCommentIdsAsync(citizen, consultationId));
        Assert.Empty((await moderator.QueryAsync(Queue, new { org })).AssertOk().At("moderationQueue").EnumerateArray());

        var itemId = await HideByReportsAsync(citizen, moderator, org, commentId, "SPAM", "SPAM");

        Assert.Empty(await ListedCommentIdsAsync(citizen, consultationId));
        var item = (await moderator.QueryAsync(Queue, new { org })).AssertOk().At("moderationQueue")[0];
        Assert.Equal((itemId, "REPORTS", "PENDING", 15), (item.GetProperty("id").GetString(), item.GetProperty("source").GetString(),
            item.GetProperty("status").GetString(), item.GetProperty("risk").GetInt32()));
        Assert.Equal(["SPAM:2", "OFF_TOPIC:1"],
            item.GetProperty("reports").EnumerateArray().Select(r => $"{r.GetProperty("reason").GetString()}:{r.GetProperty("count").GetInt32()}"));

        (await moderator.QueryAsync(Claim, new { id = itemId })).AssertOk();
        var decided = (await moderator.QueryAsync(Decide, new { id = itemId, action = "APPROVE" })).AssertOk().At("decideModerationItem");

        Assert.Equal(("DECIDED", "APPROVED"), (decided.GetProperty("status").GetString(), decided.GetProperty("decision").GetString()));
        Assert.Equal([commentId], await ListedCommentIdsAsync(citizen, consultationId));
    }

    [Fact]
    public async Task ReportComment_is_refused_a_second_time_for_an_unknown_or_hidden_comment_and_for_a_bad_token_or_reason()
    {
        var citizen = _app.Anonymous();
        var (org, _, commentId) = await PublishedCommentAsync(citizen, "Snow clearing on Birch Road was late again.");
        var reporter = await RegisterParticipantAsync(citizen);
        (await citizen.QueryAsync(ReportComment, Report(commentId, reporter, "SPAM"))).AssertOk();

        AssertError(await citizen.QueryAsync(ReportComment, Report(commentId, reporter, "OFFENSIVE")), "CONFLICT", "commentId", "DUPLICATE");
        AssertError(await citizen.QueryAsync(ReportComment, Report("missing", reporter, "SPAM")), "NOT_FOUND", "commentId", "NOT_FOUND");
        AssertError(await citizen.QueryAsync(ReportComment, Report(commentId, "not-a-token", "SPAM")), "VALIDATION", "participantToken", "INVALID_FORMAT");
        Assert.True((await citizen.QueryAsync(ReportComment, Report(commentId, reporter, "BORING"))).HasErrors);

        await HideByReportsAsync(citizen, await _app.SignedInAsStaffAsync(org, Role.Moderator), org, commentId, "OFFENSIVE", "OFF_TOPIC");
        AssertError(await citizen.QueryAsync(ReportComment, Report(commentId, await RegisterParticipantAsync(citizen), "SPAM")), "NOT_FOUND", "commentId", "NOT_FOUND");
    }

    [Fact]
    public async Task DecideModerationItem_redacts_and_approves_publishing_the_new_text_and_auditing_only_its_lengths()
    {
        const string original = "Ask my neighbour Gwendolyn Featherstonehaugh on Elm Street, she agrees with the plan.";
        const string redacted = "Ask my neighbour on Elm Street, she agrees with the plan.";
        var citizen = _app.Anonymous();
        var (org, consultationId, commentId) = await PublishedCommentAsync(citizen, original);
        var moderator = await _app.SignedInAsStaffAsync(org, Role.Moderator);
        var itemId = await HideByReportsAsync(citizen, moderator, org, commentId);
        (await moderator.QueryAsync(Claim, new { id = itemId })).AssertOk();

        AssertError(await moderator.QueryAsync(Decide, new { id = itemId, action = "REDACT_AND_APPROVE" }), "VALIDATION", "redactedText", "REQUIRED");
        AssertError(await moderator.QueryAsync(Decide, new { id = itemId, action = "APPROVE", redactedText = redacted }), "VALIDATION", "redactedText", "INVALID_FORMAT");
        var decided = (await moderator.QueryAsync(Decide, new { id = itemId, action = "REDACT_AND_APPROVE", redactedText = redacted, reason = "Name removed" }))
            .AssertOk().At("decideModerationItem");

        Assert.Equal(("REDACTED_AND_APPROVED", redacted), (decided.GetProperty("decision").GetString(), decided.GetProperty("text").GetString()));
        var listed = (await citizen.QueryAsync(Thread, new { id = consultationId })).AssertOk().At("consultation.comments.nodes")[0];
        Assert.Equal((commentId, redacted), (listed.GetProperty("id").GetString(), listed.GetProperty("text").GetString()));
        var audit = (await moderator.QueryAsync("query($org: ID!) { organisation(id: $org) { auditLog(first: 50) { nodes { action targetId detail } } } }", new { org }))
            .AssertOk();
        var entry = audit.At("organisation.auditLog.nodes").EnumerateArray().Single(e => e.GetProperty("targetId").GetString() == itemId);
        Assert.Contains($"{original.Length} -> {redacted.Length}", entry.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Featherstonehaugh", audit.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideModerationItems_decides_what_it_can_and_reports_every_other_item_in_its_outcome()
    {
        var citizen = _app.Anonymous();
        var (org, consultationId, first) = await PublishedCommentAsync(citizen, "Bus 12 skipped the Maple stop twice this week.");
        var second = (await citizen.QueryAsync(PostComment, Comment(consultationId, await RegisterParticipantAsync(citizen), "The library hours suit nobody who works.")))
            .AssertOk().At("postComment.id").GetString()!;
        var moderator = await _app.SignedInAsStaffAsync(org, Role.Moderator);
        var firstItem = await HideByReportsAsync(citizen, moderator, org, first);
        var secondItem = await HideByReportsAsync(citizen, moderator, org, second);
        var (otherOrg, _, elsewhere) = await PublishedCommentAsync(citizen, "Parking downtown costs too much for a short errand.");
        var otherItem = await HideByReportsAsync(citizen, await _app.SignedInAsStaffAsync(otherOrg, Role.Moderator), otherOrg, elsewhere);
        var colleague = await _app.SignedInAsStaffAsync(org, Role.Moderator);
        (await colleague.QueryAsync(Claim, new { id = secondItem })).AssertOk();

        var outcomes = (await moderator.QueryAsync(DecideMany, new { org, ids = new[] { firstItem, secondItem, otherItem, "missing" }, action = "REJECT", reason = "Off topic" }))
            .AssertOk().At("decideModerationItems");

        Assert.Equal(
            [$"{firstItem}:True:", $"{secondItem}:False:CONFLICT", $"{otherItem}:False:NOT_FOUND", "missing:False:NOT_FOUND"],
            outcomes.EnumerateArray().Select(o => $"{o.GetProperty("id").GetString()}:{o.GetProperty("succeeded").GetBoolean()}:{o.GetProperty("code").GetString()}"));
        Assert.All(outcomes.EnumerateArray().Skip(1), o => Assert.False(string.IsNullOrWhiteSpace(o.GetProperty("message").GetString())));
        var remaining = (await moderator.QueryAsync(Queue, new { org })).AssertOk().At("moderationQueue");
        Assert.Equal([secondItem], Ids(remaining));
        Assert.Equal(Core.Comments.CommentStatus.Rejected, (await _app.Get<Core.Comments.ICommentStore>().GetAsync(first))!.Status);
    }

    [Fact]
    public async Task DecideModerationItems_refuses_more_than_100_ids_or_a_redaction_as_a_whole()
    {
        var org = await _app.CreateOrganisationAsync();
        var moderator = await _app.SignedInAsStaffAsync(org.Id, Role.Moderator);

        AssertError(await moderator.QueryAsync(DecideMany, new { org = org.Id, ids = Enumerable.Range(0, 101).Select(i => $"id-{i}").ToArray(), action = "APPROVE" }),
            "VALIDATION", "ids", "OUT_OF_RANGE");
        var redaction = await moderator.QueryAsync(DecideMany, new { org = org.Id, ids = new[] { "x" }, action = "REDACT_AND_APPROVE" });
        AssertError(redaction, "VALIDATION", "action", "INVALID_FORMAT");
        Assert.Equal(JsonValueKind.Null, redaction.At("decideModerationItems").ValueKind);
    }

    [Fact]
    public async Task The_report_threshold_is_read_from_Moderation_ReportThreshold()
    {
        using var app = SharedHost.NewApp().WithSetting("Moderation:ReportThreshold", "1");
        var org = await app.CreateOrganisationAsync();
        var consultation = await app.CreateOpenConsultationAsync(org.Id);
        var citizen = app.Anonymous();
        var commentId = (await citizen.QueryAsync(PostComment, Comment(consultation.Id, await RegisterParticipantAsync(citizen), "Fix the potholes on Cedar Lane.")))
            .AssertOk().At("postComment.id").GetString()!;

        (await citizen.QueryAsync(ReportComment, Report(commentId, await RegisterParticipantAsync(citizen), "OFFENSIVE"))).AssertOk();

        Assert.Equal(Core.Comments.CommentStatus.Hidden, (await app.Get<Core.Comments.ICommentStore>().GetAsync(commentId))!.Status);
    }
}
