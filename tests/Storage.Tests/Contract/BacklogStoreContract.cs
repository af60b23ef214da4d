using Engagement.Core.Backlog;
using Engagement.Core.Common;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IBacklogStore"/> every adapter honours: whole items, versioned updates, the board's listing.</summary>
public abstract class BacklogStoreContract : StoreContract
{
    private static BacklogItem Item(string organisationId, DateTimeOffset? at = null, BacklogStatus status = BacklogStatus.Proposed) => new()
    {
        Id = Ids.New(), OrganisationId = organisationId, Title = "Plough the side streets " + Make.Unicode, Description = "Residents ask for it.",
        ServiceId = Ids.New(), Status = status, CreatedAt = at ?? Make.T0, UpdatedAt = at ?? Make.T0, Version = 1,
        Priority = new PriorityExplanation(3, 2.5, 0.667, 1_200, 27.4, Make.T0),
        Evidence =
        [
            new Evidence { Kind = EvidenceKind.Comment, TargetId = "c1", Weight = 1, NegativeShare = 1, Excerpt = Make.Unicode, At = Make.T0, AddedBy = "staff:a" },
            new Evidence { Kind = EvidenceKind.Theme, TargetId = "th_1", Weight = 2, At = Make.T0, AddedBy = "staff:a" },
        ],
    };

    [Fact]
    public async Task TryAddAsync_stores_the_whole_item_once()
    {
        var stores = await CreateStoresAsync();
        var item = Item(Ids.New());

        Assert.True(await stores.Backlog.TryAddAsync(item));
        Assert.False(await stores.Backlog.TryAddAsync(item with { Title = "Again" }));

        Same.Equal(item, await stores.Backlog.GetAsync(item.Id));
        Assert.Null(await stores.Backlog.GetAsync(Ids.New()));
    }

    [Fact]
    public async Task TryUpdateAsync_writes_only_over_the_version_it_read()
    {
        var stores = await CreateStoresAsync();
        var item = Item(Ids.New());
        await stores.Backlog.TryAddAsync(item);
        var shipped = item with { Status = BacklogStatus.Shipped, PublicNote = "Done.", ShippedAt = Make.T0.AddDays(3), Version = 2 };

        Assert.True(await stores.Backlog.TryUpdateAsync(shipped, 1));
        Assert.False(await stores.Backlog.TryUpdateAsync(item with { Title = "Stale", Version = 2 }, 1));

        Same.Equal(shipped, await stores.Backlog.GetAsync(item.Id));
    }

    [Fact]
    public async Task ListAsync_gives_the_organisations_unmerged_items_newest_first_optionally_of_one_status()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var older = Item(organisationId, Make.T0);
        var newer = Item(organisationId, Make.T0.AddHours(1), BacklogStatus.Accepted);
        var merged = Item(organisationId, Make.T0.AddHours(2));
        foreach (var item in new[] { older, newer, merged, Item(Ids.New()) })
            await stores.Backlog.TryAddAsync(item);
        await stores.Backlog.TryUpdateAsync(merged with { MergedInto = older.Id, Version = 2 }, 1);

        Assert.Equal([newer.Id, older.Id], (await stores.Backlog.ListAsync(organisationId, null, 10)).Select(i => i.Id));
        Assert.Equal([newer.Id], (await stores.Backlog.ListAsync(organisationId, BacklogStatus.Accepted, 10)).Select(i => i.Id));
        Assert.Single(await stores.Backlog.ListAsync(organisationId, null, 1));
    }
}
