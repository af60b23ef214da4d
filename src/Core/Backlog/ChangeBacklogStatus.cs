using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.FollowUps;
using Engagement.Core.Live;

namespace Engagement.Core.Backlog;

/// <summary>
/// Moves an item along proposed → accepted → in progress → shipped, or to declined from any open status. Declining needs
/// a public reason and shipping a public "you said, we did" note, both shown to citizens. Shipping emails the contributors
/// who opted in, in the same commit (<see cref="ClosingTheLoop"/>). Every move is audited.
/// </summary>
public sealed class ChangeBacklogStatus(BacklogChanges changes, ClosingTheLoop loop, IAuditLog audit, TimeProvider clock, ILiveNotifier live) : IUseCase
{
    public const int MaxNote = 2_000;

    public sealed record Request(string ItemId, string OrganisationId, BacklogStatus Status, string? PublicNote = null);

    /// <summary>The statuses an item may move to from each status.</summary>
    public static IReadOnlyList<BacklogStatus> NextOf(BacklogStatus status) => status switch
    {
        BacklogStatus.Proposed => [BacklogStatus.Accepted, BacklogStatus.Declined],
        BacklogStatus.Accepted => [BacklogStatus.InProgress, BacklogStatus.Declined],
        BacklogStatus.InProgress => [BacklogStatus.Shipped, BacklogStatus.Declined],
        _ => [],
    };

    public async Task<Result<BacklogItem>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Defined("status", request.Status);
        if (request.Status is BacklogStatus.Shipped or BacklogStatus.Declined)
            v.RequiredText("publicNote", request.PublicNote, MaxNote);
        else
            v.OptionalText("publicNote", request.PublicNote, MaxNote);
        if (v.HasErrors)
            return Result<BacklogItem>.Fail(v.Errors);

        var now = clock.GetUtcNow();
        var result = await changes.ApplyAsync(request.ItemId, request.OrganisationId, item =>
        {
            if (item.MergedInto is not null)
                return Result<BacklogItem>.Fail("id", ErrorCodes.InvalidState, "This item was merged into another; change that one.");
            if (!NextOf(item.Status).Contains(request.Status))
                return Result<BacklogItem>.Fail("status", ErrorCodes.InvalidState,
                    $"An item that is {item.Status} can move to {(NextOf(item.Status).Count == 0 ? "nothing: it is closed" : string.Join(" or ", NextOf(item.Status)))}.");
            return item with
            {
                Status = request.Status,
                PublicNote = request.Status is BacklogStatus.Shipped or BacklogStatus.Declined ? request.PublicNote!.Trim() : item.PublicNote,
                ShippedAt = request.Status == BacklogStatus.Shipped ? now : item.ShippedAt,
            };
        }, ct, effects: loop.EffectsAsync);
        if (!result.Succeeded)
            return Result<BacklogItem>.Fail(result.Errors);
        var (before, after) = result.Value;
        await audit.RecordAsync(clock, actor, after.OrganisationId, AuditActions.BacklogStatusChanged, "backlog_item", after.Id, $"{before.Status} -> {after.Status}", ct);
        live.Changed(LiveTopic.Backlog(after.OrganisationId));
        return after;
    }
}
