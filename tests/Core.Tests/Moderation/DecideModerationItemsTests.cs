using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Moderation;

/// <summary>
/// A moderator decides a selection of items at once: each is claimed and decided in turn; one that cannot be (unknown,
/// another organisation's, decided, escalated, claimed by someone else) is reported in its own outcome and left as it was.
/// </summary>
public sealed class DecideModerationItemsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly Actor Alice = Actor.Staff("moderator-alice");
    private static readonly Actor Bob = Actor.Staff("moderator-bob");

    private readonly TestPlatform _platform = new(db);

    /// <summary>Held comments in one consultation (a new organisation unless given), with their items.</summary>
    private async Task<List<(Comment Comment, ModerationItem Item)>> HeldCommentsAsync(int count, string? organisationId = null)
    {
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold);
        var consultation = await _platform.CreateOpenConsultationAsync(organisationId: organisationId);
        var held = new List<(Comment, ModerationItem)>();
        for (var i = 0; i < count; i++)
        {
            var comment = await _platform.PostCommentAsync(consultation, $"Held comment {i}");
            held.Add((comment, (await _platform.ModerationItems.GetOpenAsync(TextKind.Comment, comment.Id))!));
        }
        return held;
    }

    private Task<Result<IReadOnlyList<DecideModerationItems.Outcome>>> DecideAsync(
        string organisationId, IEnumerable<string> ids, ModerationAction action, string? reason = null, Actor? who = null) =>
        _platform.DecideModerationItems.ExecuteAsync(new(organisationId, ids.ToList(), action, reason), who ?? Alice);

    [Fact]
    public async Task Every_item_the_moderator_may_take_is_claimed_and_decided_and_each_decision_is_audited()
    {
        var held = await HeldCommentsAsync(3);
        var organisationId = held[0].Item.OrganisationId;

        var outcomes = ResultAssert.Succeeded(await DecideAsync(organisationId, held.Select(h => h.Item.Id), ModerationAction.Reject, "Off topic"));

        Assert.Equal(held.Select(h => h.Item.Id), outcomes.Select(o => o.ItemId));
        Assert.All(outcomes, o => Assert.Equal((true, ModerationDecision.Rejected, Alice.ToString()), (o.Succeeded, o.Item!.Decision, o.Item.DecidedBy)));
        foreach (var (comment, item) in held)
        {
            Assert.Equal(CommentStatus.Rejected, (await _platform.Comments.GetAsync(comment.Id))!.Status);
            var entry = Assert.Single(await _platform.AuditTrailAsync(organisationId, item.Id));
            Assert.Equal((AuditActions.ModerationDecided, Alice), (entry.Action, entry.Actor));
        }
    }

    [Fact]
    public async Task Mixed_selection_each_item_that_cannot_be_decided_is_reported_in_its_outcome_and_left_as_it_was()
    {
        var held = await HeldCommentsAsync(6);
        var organisationId = held[0].Item.OrganisationId;
        var (free, mine, bobs, decided, escalated, missing) = (held[0].Item, held[1].Item, held[2].Item, held[3].Item, held[4].Item, Ids.New());
        ResultAssert.Succeeded(await _platform.ClaimModerationItem.ExecuteAsync(new(mine.Id, organisationId), Alice));
        ResultAssert.Succeeded(await _platform.ClaimModerationItem.ExecuteAsync(new(bobs.Id, organisationId), Bob));
        await _platform.ClaimModerationItem.ExecuteAsync(new(decided.Id, organisationId), Bob);
        ResultAssert.Succeeded(await _platform.DecideModerationItem.ExecuteAsync(new(decided.Id, organisationId, ModerationAction.Approve), Bob));
        await _platform.ClaimModerationItem.ExecuteAsync(new(escalated.Id, organisationId), Bob);
        ResultAssert.Succeeded(await _platform.DecideModerationItem.ExecuteAsync(new(escalated.Id, organisationId, ModerationAction.Escalate, "Legal"), Bob));
        var elsewhere = (await HeldCommentsAsync(1))[0].Item;
        var untouched = new[] { bobs, decided, escalated, elsewhere };
        var before = new List<ModerationItem>();
        foreach (var item in untouched)
            before.Add((await _platform.ModerationItems.GetAsync(item.Id))!);

        var outcomes = ResultAssert.Succeeded(await DecideAsync(organisationId,
            [free.Id, bobs.Id, decided.Id, mine.Id, elsewhere.Id, escalated.Id, missing], ModerationAction.Approve));

        Assert.Equal(
            [
                (free.Id, true, (string?)null), (bobs.Id, false, ErrorCodes.Conflict), (decided.Id, false, ErrorCodes.InvalidState), (mine.Id, true, null),
                (elsewhere.Id, false, ErrorCodes.NotFound), (escalated.Id, false, ErrorCodes.InvalidState), (missing, false, ErrorCodes.NotFound),
            ],
            outcomes.Select(o => (o.ItemId, o.Succeeded, o.Error?.Code)));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.False(string.IsNullOrWhiteSpace(o.Error!.Message)));
        Assert.Equal(CommentStatus.Published, (await _platform.Comments.GetAsync(held[0].Comment.Id))!.Status);
        Assert.Equal(CommentStatus.Published, (await _platform.Comments.GetAsync(held[1].Comment.Id))!.Status);
        Assert.Equal(CommentStatus.Held, (await _platform.Comments.GetAsync(held[2].Comment.Id))!.Status);
        for (var i = 0; i < untouched.Length; i++)
        {
            var now = (await _platform.ModerationItems.GetAsync(untouched[i].Id))!;
            Assert.Equal((before[i].Version, before[i].Status, before[i].ClaimedBy), (now.Version, now.Status, now.ClaimedBy));
        }
    }

    [Fact]
    public async Task A_repeated_id_is_decided_once()
    {
        var held = await HeldCommentsAsync(1);
        var item = held[0].Item;

        var outcomes = ResultAssert.Succeeded(await DecideAsync(item.OrganisationId, [item.Id, item.Id], ModerationAction.Approve));

        Assert.True(Assert.Single(outcomes).Succeeded);
        Assert.Single(await _platform.AuditTrailAsync(item.OrganisationId, item.Id));
    }

    [Theory]
    [InlineData(0, ModerationAction.Approve, null, "ids", ErrorCodes.Required)]
    [InlineData(101, ModerationAction.Approve, null, "ids", ErrorCodes.OutOfRange)]
    [InlineData(1, ModerationAction.Reject, null, "reason", ErrorCodes.Required)]
    [InlineData(1, ModerationAction.RedactAndApprove, null, "action", ErrorCodes.InvalidFormat)]
    [InlineData(1, (ModerationAction)99, null, "action", ErrorCodes.InvalidFormat)]
    public async Task A_bad_selection_or_action_is_refused_before_any_item_is_claimed(int count, ModerationAction action, string? reason, string field, string code)
    {
        var held = await HeldCommentsAsync(1);
        var item = held[0].Item;
        var ids = Enumerable.Range(0, count).Select(i => i == 0 ? item.Id : Ids.New());

        ResultAssert.FailedOnly(await DecideAsync(item.OrganisationId, ids, action, reason), field, code);

        Assert.Equal((item.Version, (string?)null), ((await _platform.ModerationItems.GetAsync(item.Id))!.Version, (await _platform.ModerationItems.GetAsync(item.Id))!.ClaimedBy));
    }

    [Fact]
    public async Task One_hundred_items_is_the_most_at_once()
    {
        var held = await HeldCommentsAsync(1);
        var ids = Enumerable.Range(0, DecideModerationItems.MaxItems - 1).Select(_ => Ids.New()).Prepend(held[0].Item.Id).ToList();

        var outcomes = ResultAssert.Succeeded(await DecideAsync(held[0].Item.OrganisationId, ids, ModerationAction.Approve));

        Assert.Equal(DecideModerationItems.MaxItems, outcomes.Count);
        Assert.Single(outcomes, o => o.Succeeded);
    }
}
