using Engagement.Core.Backlog;
using Engagement.Core.Common;
using Engagement.Core.Email;
using Engagement.Core.FollowUps;

namespace Engagement.Storage.Tests.Contract;

/// <summary>
/// The rules of <see cref="IBacklogStore"/> every adapter honours: whole items, versioned updates, the board's listing, and
/// each write's effects (event, emails, spent follow-ups) committed with it or not at all.
/// </summary>
public abstract class BacklogStoreContract : StoreContract
{
    private static readonly BacklogWrite Created = new(BacklogEventKind.Created);
    private static readonly BacklogWrite Shipped = new(BacklogEventKind.StatusChanged, BacklogStatus.InProgress);

    private static EmailMessage Email() => new(Ids.New(), "resident@example.org", null, "You said, we did", "Plain", "<p>Html</p>", "en",
        "https://engage.example.org/en/unsubscribe?token=x", Make.T0);

    private static FollowUp FollowUp(string organisationId) => new()
    {
        Id = Ids.New(), OrganisationId = organisationId, Kind = ContributionKind.Comment, ContributionId = Ids.New(), Address = "resident@example.org",
        Language = "fr", CreatedAt = Make.T0, ExpiresAt = Make.T0.AddDays(365),
    };

    /// <summary>Every event after <paramref name="after"/> (other tests' included), keeping this item's.</summary>
    private static async Task<List<BacklogEvent>> EventsOfAsync(StoreSet stores, string itemId, long after = 0) =>
        (await stores.Backlog.ReadEventsAsync(after, 100_000)).Where(e => e.Item.Id == itemId).ToList();

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

    [ContractFact]
    public async Task TryAddAsync_stores_the_whole_item_once()
    {
        var stores = await CreateStoresAsync();
        var item = Item(Ids.New());

        Assert.True(await stores.Backlog.TryAddAsync(item, Created));
        Assert.False(await stores.Backlog.TryAddAsync(item with { Title = "Again" }, Created));

        Same.Equal(item, await stores.Backlog.GetAsync(item.Id));
        Assert.Null(await stores.Backlog.GetAsync(Ids.New()));
    }

    [ContractFact]
    public async Task TryUpdateAsync_writes_only_over_the_version_it_read()
    {
        var stores = await CreateStoresAsync();
        var item = Item(Ids.New());
        await stores.Backlog.TryAddAsync(item, Created);
        var shipped = item with { Status = BacklogStatus.Shipped, PublicNote = "Done.", ShippedAt = Make.T0.AddDays(3), Version = 2 };

        Assert.True(await stores.Backlog.TryUpdateAsync(shipped, 1, Shipped));
        Assert.False(await stores.Backlog.TryUpdateAsync(item with { Title = "Stale", Version = 2 }, 1, Shipped));

        Same.Equal(shipped, await stores.Backlog.GetAsync(item.Id));
    }

    [ContractFact]
    public async Task ListAsync_gives_the_organisations_unmerged_items_newest_first_optionally_of_one_status()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var older = Item(organisationId, Make.T0);
        var newer = Item(organisationId, Make.T0.AddHours(1), BacklogStatus.Accepted);
        var merged = Item(organisationId, Make.T0.AddHours(2));
        foreach (var item in new[] { older, newer, merged, Item(Ids.New()) })
            await stores.Backlog.TryAddAsync(item, Created);
        await stores.Backlog.TryUpdateAsync(merged with { MergedInto = older.Id, Version = 2 }, 1, new BacklogWrite(BacklogEventKind.Merged));

        Assert.Equal([newer.Id, older.Id], (await stores.Backlog.ListAsync(organisationId, null, 10)).Select(i => i.Id));
        Assert.Equal([newer.Id], (await stores.Backlog.ListAsync(organisationId, BacklogStatus.Accepted, 10)).Select(i => i.Id));
        Assert.Single(await stores.Backlog.ListAsync(organisationId, null, 1));
    }

    [ContractFact]
    public async Task Each_write_adds_one_event_to_the_feed_in_commit_order_with_the_item_as_written()
    {
        var stores = await CreateStoresAsync();
        var item = Item(Ids.New());
        var shipped = item with { Status = BacklogStatus.Shipped, PublicNote = "Done.", Version = 2, UpdatedAt = Make.T0.AddDays(1) };

        await stores.Backlog.TryAddAsync(item, Created);
        await stores.Backlog.TryUpdateAsync(shipped, 1, Shipped);
        await stores.Backlog.TryUpdateAsync(item with { Title = "Stale", Version = 2 }, 1, Shipped);

        var events = await EventsOfAsync(stores, item.Id);
        Assert.Equal([(BacklogEventKind.Created, (BacklogStatus?)null, 1), (BacklogEventKind.StatusChanged, BacklogStatus.InProgress, 2)],
            events.Select(e => (e.Kind, e.PreviousStatus, e.Item.Version)));
        Assert.True(events[0].Sequence < events[1].Sequence);
        Same.Equal(shipped, events[1].Item);
        Assert.Equal(shipped.UpdatedAt, events[1].At);
        Assert.Equal([events[1].Sequence], (await EventsOfAsync(stores, item.Id, events[0].Sequence)).Select(e => e.Sequence));
    }

    [ContractFact]
    public async Task A_write_commits_its_emails_and_deletes_its_spent_follow_ups_with_the_item()
    {
        var stores = await CreateStoresAsync();
        var item = Item(Ids.New());
        var (spent, kept) = (FollowUp(item.OrganisationId), FollowUp(item.OrganisationId));
        await stores.FollowUps.AddAsync(spent);
        await stores.FollowUps.AddAsync(kept);
        await stores.Backlog.TryAddAsync(item, Created);
        var email = Email();

        Assert.True(await stores.Backlog.TryUpdateAsync(item with { Status = BacklogStatus.Shipped, Version = 2 }, 1,
            Shipped with { Emails = [email], SpentFollowUps = [spent.Id] }));

        Same.Equal(email, (await stores.Outbox.GetAsync(email.Id))!.Message);
        Assert.Equal([kept.Id], (await stores.FollowUps.ListForContributionsAsync(item.OrganisationId, [spent.ContributionId, kept.ContributionId], Make.T0))
            .Select(f => f.Id));
    }

    [ContractFact]
    public async Task A_refused_write_commits_none_of_its_effects()
    {
        var stores = await CreateStoresAsync();
        var item = Item(Ids.New());
        var followUp = FollowUp(item.OrganisationId);
        await stores.FollowUps.AddAsync(followUp);
        await stores.Backlog.TryAddAsync(item, Created);
        var (staleEmail, duplicateEmail) = (Email(), Email());

        Assert.False(await stores.Backlog.TryUpdateAsync(item with { Version = 9 }, 5, Shipped with { Emails = [staleEmail], SpentFollowUps = [followUp.Id] }));
        Assert.False(await stores.Backlog.TryAddAsync(item, Created with { Emails = [duplicateEmail], SpentFollowUps = [followUp.Id] }));

        Assert.Null(await stores.Outbox.GetAsync(staleEmail.Id));
        Assert.Null(await stores.Outbox.GetAsync(duplicateEmail.Id));
        Assert.Single(await stores.FollowUps.ListForContributionsAsync(item.OrganisationId, [followUp.ContributionId], Make.T0));
        Assert.Single(await EventsOfAsync(stores, item.Id));
    }
}
