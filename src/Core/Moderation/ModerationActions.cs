using Engagement.Core.Common;

namespace Engagement.Core.Moderation;

/// <summary>The rules every moderator action shares: the item must exist in the caller's organisation and still be open.</summary>
internal static class ModerationActions
{
    /// <summary>How long a claim holds an item; an abandoned claim lapses and the item returns to the queue.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    public static async Task<(ModerationItem? Item, Error? Error)> OpenItemAsync(IModerationItemStore items, string itemId, string organisationId, CancellationToken ct)
    {
        var item = await items.GetAsync(itemId, ct);
        // Another organisation's item is reported as missing: its existence is none of the caller's business.
        if (item is null || item.OrganisationId != organisationId)
            return (null, new Error("itemId", ErrorCodes.NotFound, "There is no such item in this organisation's queue."));
        if (item.Status == ModerationItemStatus.Decided)
            return (null, new Error("itemId", ErrorCodes.InvalidState, $"This item was already decided ({item.Decision}) by {item.DecidedBy}."));
        return (item, null);
    }

    public static Error LostRace() => new("itemId", ErrorCodes.Conflict, "Someone else changed this item at the same moment; reload it and try again.");
}

/// <summary>A moderator claims an item, so no one else works it until they decide, release it, or the lease lapses.</summary>
public sealed class ClaimModerationItem(IModerationItemStore items, TimeProvider clock) : IUseCase
{
    public sealed record Request(string ItemId, string OrganisationId);

    public async Task<Result<ModerationItem>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var (item, error) = await ModerationActions.OpenItemAsync(items, request.ItemId, request.OrganisationId, ct);
        if (item is null)
            return Result<ModerationItem>.Fail([error!]);
        var now = clock.GetUtcNow();
        if (item.ClaimedByOtherThan(actor.Id, now))
            return Result<ModerationItem>.Fail("itemId", ErrorCodes.Conflict, $"This item is claimed by someone else until {item.ClaimedUntil:u}.");
        var claimed = item with { ClaimedBy = actor.Id, ClaimedUntil = now + ModerationActions.ClaimLease, Version = item.Version + 1 };
        // The version check makes a race for one item have exactly one winner.
        return await items.TryUpdateAsync(claimed, item.Version, ct) ? claimed : Result<ModerationItem>.Fail([ModerationActions.LostRace()]);
    }
}

/// <summary>A moderator gives back an item they claimed, so it returns to the queue at once.</summary>
public sealed class ReleaseModerationItem(IModerationItemStore items, TimeProvider clock) : IUseCase
{
    public sealed record Request(string ItemId, string OrganisationId);

    public async Task<Result<ModerationItem>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var (item, error) = await ModerationActions.OpenItemAsync(items, request.ItemId, request.OrganisationId, ct);
        if (item is null)
            return Result<ModerationItem>.Fail([error!]);
        if (item.ClaimedBy != actor.Id || item.ClaimedUntil <= clock.GetUtcNow())
            return Result<ModerationItem>.Fail("itemId", ErrorCodes.InvalidState, "You do not hold a claim on this item.");
        var released = item with { ClaimedBy = null, ClaimedUntil = null, Version = item.Version + 1 };
        return await items.TryUpdateAsync(released, item.Version, ct) ? released : Result<ModerationItem>.Fail([ModerationActions.LostRace()]);
    }
}
