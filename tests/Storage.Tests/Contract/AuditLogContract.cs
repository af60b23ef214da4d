using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IAuditLog"/> every adapter honours.</summary>
public abstract class AuditLogContract : StoreContract
{
    [ContractFact]
    public async Task AppendAsync_stores_an_entry_that_ListAsync_returns_with_every_field()
    {
        var stores = await CreateStoresAsync();
        var entry = Make.Audit(Ids.New());

        await stores.Audit.AppendAsync(entry);

        Same.Sequence([entry], (await stores.Audit.ListAsync(entry.OrganisationId, null, PageRequest.First(10))).Items);
    }

    [ContractFact]
    public async Task AppendAsync_round_trips_an_entry_without_detail_by_the_system()
    {
        var stores = await CreateStoresAsync();
        var entry = Make.Audit(Ids.New(), detail: null) with { Actor = Actor.System };

        await stores.Audit.AppendAsync(entry);

        Same.Sequence([entry], (await stores.Audit.ListAsync(entry.OrganisationId, null, PageRequest.First(10))).Items);
    }

    [ContractFact]
    public async Task AppendAsync_ignores_an_entry_whose_id_was_already_appended()
    {
        var stores = await CreateStoresAsync();
        var entry = Make.Audit(Ids.New());
        await stores.Audit.AppendAsync(entry);

        await stores.Audit.AppendAsync(entry);
        await stores.Audit.AppendAsync(entry with { Detail = "rewritten", At = Make.T0.AddDays(1) });

        Same.Sequence([entry], (await stores.Audit.ListAsync(entry.OrganisationId, null, PageRequest.First(10))).Items);
    }

    [ContractFact]
    public async Task ListAsync_pages_through_the_organisations_entries_oldest_first_by_time_and_id()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var entries = Enumerable.Range(0, 4).Select(_ => Make.Audit(organisationId, at: Make.T0))
            .Concat(Enumerable.Range(1, 3).Select(i => Make.Audit(organisationId, at: Make.T0.AddSeconds(-i))))
            .ToArray();
        foreach (var entry in entries.Append(Make.Audit(Ids.New())))
            await stores.Audit.AppendAsync(entry);

        var seen = new List<AuditEntry>();
        var page = await stores.Audit.ListAsync(organisationId, null, PageRequest.First(2));
        seen.AddRange(page.Items);
        while (page.Next is { } next)
        {
            page = await stores.Audit.ListAsync(organisationId, null, new PageRequest(next, 2));
            seen.AddRange(page.Items);
        }

        Same.Sequence(entries.InPageOrder(e => e.At, e => e.Id), seen);
    }

    [ContractFact]
    public async Task ListAsync_returns_only_the_entries_about_the_target_asked_for()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, targetId) = (Ids.New(), Ids.New());
        var first = Make.Audit(organisationId, targetId, Make.T0);
        var second = Make.Audit(organisationId, targetId, Make.T0.AddMinutes(1));
        foreach (var entry in new[] { second, Make.Audit(organisationId), first, Make.Audit(Ids.New(), targetId) })
            await stores.Audit.AppendAsync(entry);

        var page = await stores.Audit.ListAsync(organisationId, targetId, PageRequest.First(10));

        Same.Sequence([first, second], page.Items);
        Assert.Null(page.Next);
    }

    [ContractFact]
    public async Task ListAsync_returns_an_empty_last_page_for_an_organisation_without_entries()
    {
        var stores = await CreateStoresAsync();

        var page = await stores.Audit.ListAsync(Ids.New(), null, PageRequest.First(10));

        Assert.Empty(page.Items);
        Assert.Null(page.Next);
    }

    [ContractFact]
    public async Task CountAsync_counts_the_organisation_entries_with_the_action_from_the_instant_on()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var counted = Make.Audit(organisationId, at: Make.T0) with { Action = "moderation.auto_rejected" };
        var early = Make.Audit(organisationId, at: Make.T0.AddTicks(-1)) with { Action = "moderation.auto_rejected" };
        var otherAction = Make.Audit(organisationId, at: Make.T0.AddMinutes(1)) with { Action = "comment.status_changed" };
        var otherOrganisation = Make.Audit(Ids.New(), at: Make.T0) with { Action = "moderation.auto_rejected" };
        foreach (var entry in new[] { counted, early, otherAction, otherOrganisation })
            await stores.Audit.AppendAsync(entry);

        Assert.Equal(1, await stores.Audit.CountAsync(organisationId, "moderation.auto_rejected", Make.T0));
        Assert.Equal(2, await stores.Audit.CountAsync(organisationId, "moderation.auto_rejected", Make.T0.AddDays(-1)));
        Assert.Equal(0, await stores.Audit.CountAsync(organisationId, "unknown.action", Make.T0.AddDays(-1)));
    }
}
