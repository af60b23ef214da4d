using Engagement.Core.Common;
using Engagement.Core.Moderation;
using Engagement.Core.Screening;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IModerationItemStore"/> every adapter honours.</summary>
public abstract class ModerationItemStoreContract : StoreContract
{
    // ---- TryAddAsync ----

    [ContractFact]
    public async Task TryAddAsync_stores_an_item_that_GetAsync_returns_with_every_field()
    {
        var stores = await CreateStoresAsync();
        var item = Make.ModerationItem(Ids.New());

        Assert.True(await stores.ModerationItems.TryAddAsync(item));

        var stored = await stores.ModerationItems.GetAsync(item.Id);
        Same.Equal(item, stored);
        Assert.Equal(item.CreatedAt.Offset, stored!.CreatedAt.Offset);
        Assert.Equal(item.DecidedAt!.Value.Offset, stored.DecidedAt!.Value.Offset);
        Assert.Equal(item.Priority, stored.Priority);
    }

    [ContractFact]
    public async Task TryAddAsync_round_trips_an_item_whose_optional_fields_are_empty()
    {
        var stores = await CreateStoresAsync();
        var item = Make.ModerationItem(Ids.New(), status: ModerationItemStatus.Pending) with
        {
            ConsultationId = null,
            Source = ModerationSource.Screening,
            Reasons = [],
            Reports = new Dictionary<string, int>(),
            ClaimedBy = null,
            ClaimedUntil = null,
            Decision = null,
            DecisionReason = null,
            DecidedBy = null,
            DecidedAt = null,
        };

        Assert.True(await stores.ModerationItems.TryAddAsync(item));

        Same.Equal(item, await stores.ModerationItems.GetAsync(item.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_text_already_has_an_open_item()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var first = Make.ModerationItem(organisationId, status: ModerationItemStatus.Pending);
        await stores.ModerationItems.TryAddAsync(first);
        var second = Make.ModerationItem(organisationId, first.TargetId, ModerationItemStatus.Escalated);

        Assert.False(await stores.ModerationItems.TryAddAsync(second));

        Assert.Null(await stores.ModerationItems.GetAsync(second.Id));
        Same.Equal(first, await stores.ModerationItems.GetOpenAsync(first.Kind, first.TargetId));
        Assert.Empty(await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Escalated, 10));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_for_a_decided_item_while_the_text_has_an_open_one()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var open = Make.ModerationItem(organisationId, status: ModerationItemStatus.Pending);
        await stores.ModerationItems.TryAddAsync(open);
        var decided = Make.ModerationItem(organisationId, open.TargetId, ModerationItemStatus.Decided);

        Assert.False(await stores.ModerationItems.TryAddAsync(decided));

        Assert.Null(await stores.ModerationItems.GetAsync(decided.Id));
        Assert.Empty(await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Decided, 10));
    }

    [ContractFact]
    public async Task TryAddAsync_accepts_an_open_item_once_the_texts_earlier_item_is_decided()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var first = Make.ModerationItem(organisationId, status: ModerationItemStatus.Pending);
        await stores.ModerationItems.TryAddAsync(first);
        Assert.True(await stores.ModerationItems.TryUpdateAsync(first with { Status = ModerationItemStatus.Decided }, 1));
        var second = Make.ModerationItem(organisationId, first.TargetId, ModerationItemStatus.Pending);

        Assert.True(await stores.ModerationItems.TryAddAsync(second));

        Same.Equal(second, await stores.ModerationItems.GetOpenAsync(second.Kind, second.TargetId));
        Assert.Equal(ModerationItemStatus.Decided, (await stores.ModerationItems.GetAsync(first.Id))!.Status);
    }

    [ContractFact]
    public async Task TryAddAsync_accepts_many_decided_items_for_the_same_text()
    {
        var stores = await CreateStoresAsync();
        var first = Make.ModerationItem(Ids.New(), status: ModerationItemStatus.Decided);
        var second = Make.ModerationItem(first.OrganisationId, first.TargetId, ModerationItemStatus.Decided);

        Assert.True(await stores.ModerationItems.TryAddAsync(first));
        Assert.True(await stores.ModerationItems.TryAddAsync(second));

        Assert.Null(await stores.ModerationItems.GetOpenAsync(first.Kind, first.TargetId));
        Assert.Equal(2, (await stores.ModerationItems.ListAsync(first.OrganisationId, ModerationItemStatus.Decided, 10)).Count);
    }

    [ContractFact]
    public async Task TryAddAsync_treats_the_same_target_id_under_another_kind_as_another_text()
    {
        var stores = await CreateStoresAsync();
        var comment = Make.ModerationItem(Ids.New(), kind: TextKind.Comment);
        var rating = Make.ModerationItem(comment.OrganisationId, comment.TargetId, kind: TextKind.RatingComment);

        Assert.True(await stores.ModerationItems.TryAddAsync(comment));
        Assert.True(await stores.ModerationItems.TryAddAsync(rating));

        Same.Equal(comment, await stores.ModerationItems.GetOpenAsync(TextKind.Comment, comment.TargetId));
        Same.Equal(rating, await stores.ModerationItems.GetOpenAsync(TextKind.RatingComment, comment.TargetId));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_id_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.ModerationItem(Ids.New());
        await stores.ModerationItems.TryAddAsync(first);
        var second = Make.ModerationItem(Ids.New(), id: first.Id);

        Assert.False(await stores.ModerationItems.TryAddAsync(second));

        Same.Equal(first, await stores.ModerationItems.GetAsync(first.Id));
        Assert.Null(await stores.ModerationItems.GetOpenAsync(second.Kind, second.TargetId));
        Assert.Empty(await stores.ModerationItems.ListAsync(second.OrganisationId, second.Status, 10));
    }

    [ContractFact]
    public async Task TryAddAsync_accepts_exactly_one_of_many_concurrent_open_items_for_the_same_text()
    {
        var stores = await CreateStoresAsync();
        var targetId = Ids.New();
        var attempts = Enumerable.Range(0, 20).Select(_ => Make.ModerationItem(Ids.New(), targetId, ModerationItemStatus.Pending)).ToArray();

        var results = await Task.WhenAll(attempts.Select(i => Task.Run(() => stores.ModerationItems.TryAddAsync(i))));

        Assert.Single(results, r => r);
        Same.Equal(attempts[Array.IndexOf(results, true)], await stores.ModerationItems.GetOpenAsync(TextKind.Comment, targetId));
    }

    // ---- TryUpdateAsync ----

    [ContractFact]
    public async Task TryUpdateAsync_stores_the_item_with_the_next_version_when_the_stored_version_is_the_expected_one()
    {
        var stores = await CreateStoresAsync();
        var item = Make.ModerationItem(Ids.New(), status: ModerationItemStatus.Pending);
        await stores.ModerationItems.TryAddAsync(item);
        var claimed = item with { ClaimedBy = "staff-" + Ids.New(), ClaimedUntil = Make.T0.AddMinutes(30), Reach = 7 };

        Assert.True(await stores.ModerationItems.TryUpdateAsync(claimed, expectedVersion: 1));

        Same.Equal(claimed with { Version = 2 }, await stores.ModerationItems.GetAsync(item.Id));
        var decided = claimed with
        {
            Status = ModerationItemStatus.Decided,
            Decision = ModerationDecision.Rejected,
            DecisionReason = "Propos injurieux « ici » 🚫",
            DecidedBy = "system",
            DecidedAt = Make.T0.AddHours(1),
            Version = 99,
        };
        Assert.True(await stores.ModerationItems.TryUpdateAsync(decided, expectedVersion: 2));
        Same.Equal(decided with { Version = 3 }, await stores.ModerationItems.GetAsync(item.Id));
    }

    [ContractFact]
    public async Task TryUpdateAsync_returns_false_and_changes_nothing_when_the_version_is_stale()
    {
        var stores = await CreateStoresAsync();
        var item = Make.ModerationItem(Ids.New(), status: ModerationItemStatus.Pending);
        await stores.ModerationItems.TryAddAsync(item);
        await stores.ModerationItems.TryUpdateAsync(item with { Reach = 1 }, 1);
        var stored = await stores.ModerationItems.GetAsync(item.Id);

        Assert.False(await stores.ModerationItems.TryUpdateAsync(item with { Status = ModerationItemStatus.Decided, Text = "Perdu" }, expectedVersion: 1));

        Same.Equal(stored, await stores.ModerationItems.GetAsync(item.Id));
        Assert.Equal(2, stored!.Version);
        Assert.Empty(await stores.ModerationItems.ListAsync(item.OrganisationId, ModerationItemStatus.Decided, 10));
        Same.Equal(stored, await stores.ModerationItems.GetOpenAsync(item.Kind, item.TargetId));
    }

    [ContractFact]
    public async Task TryUpdateAsync_lets_exactly_one_of_two_concurrent_changes_from_the_same_version_win()
    {
        var stores = await CreateStoresAsync();
        for (var round = 0; round < 20; round++)
        {
            var item = Make.ModerationItem(Ids.New(), status: ModerationItemStatus.Pending);
            await stores.ModerationItems.TryAddAsync(item);
            var mine = item with { ClaimedBy = "staff-mine", ClaimedUntil = Make.T0.AddMinutes(5) };
            var theirs = item with { Status = ModerationItemStatus.Escalated, ClaimedBy = "staff-theirs" };

            var results = await Task.WhenAll(
                Task.Run(() => stores.ModerationItems.TryUpdateAsync(mine, 1)),
                Task.Run(() => stores.ModerationItems.TryUpdateAsync(theirs, 1)));

            Assert.Single(results, r => r);
            Same.Equal((results[0] ? mine : theirs) with { Version = 2 }, await stores.ModerationItems.GetAsync(item.Id));
        }
    }

    [ContractFact]
    public async Task TryUpdateAsync_returns_false_and_creates_nothing_when_the_id_is_unknown()
    {
        var stores = await CreateStoresAsync();
        var item = Make.ModerationItem(Ids.New());

        Assert.False(await stores.ModerationItems.TryUpdateAsync(item, 1));

        Assert.Null(await stores.ModerationItems.GetAsync(item.Id));
        Assert.Null(await stores.ModerationItems.GetOpenAsync(item.Kind, item.TargetId));
    }

    [ContractFact]
    public async Task TryUpdateAsync_returns_false_and_changes_nothing_when_it_would_give_the_text_a_second_open_item()
    {
        var stores = await CreateStoresAsync();
        var decided = Make.ModerationItem(Ids.New(), status: ModerationItemStatus.Decided);
        var open = Make.ModerationItem(decided.OrganisationId, decided.TargetId, ModerationItemStatus.Pending);
        await stores.ModerationItems.TryAddAsync(decided);
        await stores.ModerationItems.TryAddAsync(open);

        Assert.False(await stores.ModerationItems.TryUpdateAsync(decided with { Status = ModerationItemStatus.Escalated }, 1));

        Same.Equal(decided, await stores.ModerationItems.GetAsync(decided.Id));
        Same.Equal(open, await stores.ModerationItems.GetOpenAsync(open.Kind, open.TargetId));
    }

    [ContractFact]
    public async Task TryUpdateAsync_moves_the_item_between_status_lists_and_to_its_new_place_in_the_queue()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var low = Make.ModerationItem(organisationId, status: ModerationItemStatus.Pending, risk: 1, reach: 0);
        var high = Make.ModerationItem(organisationId, status: ModerationItemStatus.Pending, risk: 5, reach: 0);
        var escalated = Make.ModerationItem(organisationId, status: ModerationItemStatus.Pending, risk: 3, reach: 0);
        foreach (var item in new[] { low, high, escalated })
            await stores.ModerationItems.TryAddAsync(item);

        await stores.ModerationItems.TryUpdateAsync(low with { Risk = 9 }, 1);
        await stores.ModerationItems.TryUpdateAsync(escalated with { Status = ModerationItemStatus.Escalated }, 1);

        Assert.Equal([low.Id, high.Id], (await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Pending, 10)).Select(i => i.Id));
        Assert.Equal([escalated.Id], (await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Escalated, 10)).Select(i => i.Id));
    }

    // ---- GetAsync and GetOpenAsync ----

    [ContractFact]
    public async Task GetAsync_returns_null_when_there_is_no_item_with_the_id()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.ModerationItems.GetAsync(Ids.New()));
    }

    [ContractFact]
    public async Task GetOpenAsync_returns_the_texts_undecided_item_and_never_a_decided_one()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var decided = Make.ModerationItem(organisationId, status: ModerationItemStatus.Decided);
        var open = Make.ModerationItem(organisationId, decided.TargetId, ModerationItemStatus.Escalated);
        var otherText = Make.ModerationItem(organisationId, status: ModerationItemStatus.Pending);
        foreach (var item in new[] { decided, open, otherText })
            await stores.ModerationItems.TryAddAsync(item);

        Same.Equal(open, await stores.ModerationItems.GetOpenAsync(TextKind.Comment, decided.TargetId));

        Assert.True(await stores.ModerationItems.TryUpdateAsync(open with { Status = ModerationItemStatus.Decided }, 1));
        Assert.Null(await stores.ModerationItems.GetOpenAsync(TextKind.Comment, decided.TargetId));
    }

    [ContractFact]
    public async Task GetOpenAsync_returns_null_for_an_unknown_text_or_another_kind()
    {
        var stores = await CreateStoresAsync();
        var item = Make.ModerationItem(Ids.New(), kind: TextKind.Reply);
        await stores.ModerationItems.TryAddAsync(item);

        Assert.Null(await stores.ModerationItems.GetOpenAsync(TextKind.Reply, Ids.New()));
        Assert.Null(await stores.ModerationItems.GetOpenAsync(TextKind.Comment, item.TargetId));
    }

    // ---- ListAsync ----

    [ContractFact]
    public async Task ListAsync_orders_by_priority_highest_first_then_oldest_first_then_by_id()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var urgent = Make.ModerationItem(organisationId, risk: 20, reach: 5, createdAt: Make.T0.AddDays(3));
        // Same priority (risk counts ten times reach): 10 * 10 + 50 == 15 * 10 + 0.
        var olderTie = Make.ModerationItem(organisationId, risk: 10, reach: 50, createdAt: Make.T0);
        var newerTie = Make.ModerationItem(organisationId, risk: 15, reach: 0, createdAt: Make.T0.AddTicks(1));
        // Same priority and instant: by id. Ids made in order, added in reverse, so insertion order cannot pass for it.
        var sameIds = new[] { Ids.New(), Ids.New(), Ids.New() };
        var sameInstant = sameIds.Select(id => Make.ModerationItem(organisationId, risk: 1, reach: 0, createdAt: Make.T0, id: id)).ToArray();
        foreach (var item in new[] { newerTie, olderTie }.Concat(sameInstant.Reverse()).Append(urgent))
            Assert.True(await stores.ModerationItems.TryAddAsync(item));

        var listed = await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Escalated, 200);

        Same.Sequence([urgent, olderTie, newerTie, .. sameInstant.OrderBy(i => i.Id, StringComparer.Ordinal)], listed);
    }

    [ContractFact]
    public async Task ListAsync_orders_equal_priorities_by_the_instant_not_by_the_local_clock_time()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        // 10:00 at UTC+2 is 08:00 UTC, older than 09:00 UTC despite the larger clock reading.
        var older = Make.ModerationItem(organisationId, createdAt: new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        var newer = Make.ModerationItem(organisationId, createdAt: new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero));
        await stores.ModerationItems.TryAddAsync(newer);
        await stores.ModerationItems.TryAddAsync(older);

        Same.Sequence([older, newer], await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Escalated, 10));
    }

    [ContractFact]
    public async Task ListAsync_returns_only_the_organisations_items_in_the_status_asked_for()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var pending = Make.ModerationItem(organisationId, status: ModerationItemStatus.Pending);
        var escalated = Make.ModerationItem(organisationId, status: ModerationItemStatus.Escalated);
        var decided = Make.ModerationItem(organisationId, status: ModerationItemStatus.Decided);
        var elsewhere = Make.ModerationItem(Ids.New(), status: ModerationItemStatus.Pending);
        foreach (var item in new[] { pending, escalated, decided, elsewhere })
            await stores.ModerationItems.TryAddAsync(item);

        Same.Sequence([pending], await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Pending, 10));
        Same.Sequence([escalated], await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Escalated, 10));
        Same.Sequence([decided], await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Decided, 10));
        Assert.Empty(await stores.ModerationItems.ListAsync(Ids.New(), ModerationItemStatus.Pending, 10));
    }

    [ContractFact]
    public async Task ListAsync_returns_at_most_max_items_the_first_in_queue_order()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var items = Enumerable.Range(0, 5).Select(i => Make.ModerationItem(organisationId, risk: i, reach: 0)).ToArray();
        foreach (var item in items)
            await stores.ModerationItems.TryAddAsync(item);

        Same.Sequence([items[4], items[3]], await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Escalated, 2));
        Same.Sequence([items[4]], await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Escalated, 1));
    }

    [ContractTheory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task ListAsync_refuses_a_max_below_one(int max)
    {
        var stores = await CreateStoresAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stores.ModerationItems.ListAsync(Ids.New(), ModerationItemStatus.Pending, max));
    }

    [ContractFact]
    public async Task ListAsync_returns_at_most_200_items_however_many_are_asked_for()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var items = Enumerable.Range(0, 201).Select(_ => Make.ModerationItem(organisationId, status: ModerationItemStatus.Pending)).ToArray();
        var added = await Task.WhenAll(items.Select(i => stores.ModerationItems.TryAddAsync(i)));
        Assert.All(added, Assert.True);

        Assert.Equal(200, (await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Pending, 201)).Count);
        Assert.Equal(200, (await stores.ModerationItems.ListAsync(organisationId, ModerationItemStatus.Pending, int.MaxValue)).Count);
    }

    [ContractFact]
    public async Task CountAsync_counts_the_organisation_items_with_the_status_only()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        foreach (var status in new[] { ModerationItemStatus.Pending, ModerationItemStatus.Pending, ModerationItemStatus.Decided, ModerationItemStatus.Escalated })
            Assert.True(await stores.ModerationItems.TryAddAsync(Make.ModerationItem(organisationId, status: status)));
        await stores.ModerationItems.TryAddAsync(Make.ModerationItem(Ids.New(), status: ModerationItemStatus.Pending));

        Assert.Equal(2, await stores.ModerationItems.CountAsync(organisationId, ModerationItemStatus.Pending));
        Assert.Equal(1, await stores.ModerationItems.CountAsync(organisationId, ModerationItemStatus.Decided));
        Assert.Equal(0, await stores.ModerationItems.CountAsync(Ids.New(), ModerationItemStatus.Pending));
    }

    [ContractFact]
    public async Task ListCreatedSinceAsync_returns_the_organisation_items_from_the_instant_on_oldest_first_up_to_max()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var before = Make.ModerationItem(organisationId, createdAt: Make.T0.AddTicks(-1));
        var atStart = Make.ModerationItem(organisationId, createdAt: Make.T0);
        var later = Make.ModerationItem(organisationId, createdAt: Make.T0.AddMinutes(1));
        foreach (var item in new[] { later, before, atStart })
            await stores.ModerationItems.TryAddAsync(item);

        Assert.Equal([atStart.Id, later.Id], (await stores.ModerationItems.ListCreatedSinceAsync(organisationId, Make.T0, 10)).Select(i => i.Id));
        Assert.Equal([atStart.Id], (await stores.ModerationItems.ListCreatedSinceAsync(organisationId, Make.T0, 1)).Select(i => i.Id));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stores.ModerationItems.ListCreatedSinceAsync(organisationId, Make.T0, 0));
    }
}
