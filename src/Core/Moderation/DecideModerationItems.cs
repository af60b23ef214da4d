using Engagement.Core.Common;

namespace Engagement.Core.Moderation;

/// <summary>
/// A moderator decides a selection of an organisation's pending items at once: each is claimed and decided in turn, as
/// <see cref="ClaimModerationItem"/> and <see cref="DecideModerationItem"/> do it one by one. An item that cannot be
/// (unknown or another organisation's, already decided, escalated, claimed by someone else) is reported in its own
/// outcome, unchanged, and the others go ahead.
/// </summary>
public sealed class DecideModerationItems(IModerationItemStore items, ClaimModerationItem claim, DecideModerationItem decide, ReleaseModerationItem release)
    : IUseCase
{
    public const int MaxItems = 100;

    public sealed record Request(string OrganisationId, IReadOnlyList<string> ItemIds, ModerationAction Action, string? Reason = null);

    /// <summary>What happened to one item: decided (<see cref="Item"/> as it is now), or the error that left it as it was.</summary>
    public sealed record Outcome(string ItemId, ModerationItem? Item, Error? Error)
    {
        public bool Succeeded => Error is null;
    }

    /// <summary>One outcome per distinct id, in the order given.</summary>
    public async Task<Result<IReadOnlyList<Outcome>>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        // The action and reason are checked once for the whole selection, so a bad one claims nothing.
        Validator v;
        if (request.Action == ModerationAction.RedactAndApprove)
        {
            v = new Validator();
            v.Add("action", ErrorCodes.InvalidFormat, "Each redaction needs its own text: redact items one at a time.");
        }
        else
        {
            v = DecideModerationItem.Validate(new DecideModerationItem.Request("", request.OrganisationId, request.Action, request.Reason));
        }
        var ids = request.ItemIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
            v.Add("ids", ErrorCodes.Required, "Select at least one item.");
        else if (ids.Count > MaxItems)
            v.Add("ids", ErrorCodes.OutOfRange, $"Select at most {MaxItems} items at a time.");
        if (v.HasErrors)
            return Result<IReadOnlyList<Outcome>>.Fail(v.Errors);

        var outcomes = new List<Outcome>(ids.Count);
        foreach (var id in ids)
            outcomes.Add(await DecideOneAsync(id, request, actor, ct));
        return outcomes;
    }

    private async Task<Outcome> DecideOneAsync(string id, Request request, Actor actor, CancellationToken ct)
    {
        var (item, error) = await ModerationActions.OpenItemAsync(items, id, request.OrganisationId, ct);
        if (item is null)
            return new Outcome(id, null, error);
        // An escalation waits for an admin's considered look, and admins alone may decide it: never in passing.
        if (item.Status == ModerationItemStatus.Escalated)
            return new Outcome(id, null, new Error("itemId", ErrorCodes.InvalidState, "This item is escalated: an admin decides it on its own."));

        var claimed = await claim.ExecuteAsync(new ClaimModerationItem.Request(id, request.OrganisationId), actor, ct);
        if (!claimed.Succeeded)
            return new Outcome(id, null, claimed.Errors[0]);
        var decided = await decide.ExecuteAsync(new DecideModerationItem.Request(id, request.OrganisationId, request.Action, request.Reason), actor, ct);
        if (decided.Succeeded)
            return new Outcome(id, decided.Value, null);
        // Given back, so an item this call could not decide returns to the queue at once rather than when the lease lapses.
        await release.ExecuteAsync(new ReleaseModerationItem.Request(id, request.OrganisationId), actor, ct);
        return new Outcome(id, null, decided.Errors[0]);
    }
}
