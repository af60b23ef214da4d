using Engagement.Core.Common;
using Engagement.Core.Organisations;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IServiceStore"/> every adapter honours.</summary>
public abstract class ServiceStoreContract : StoreContract
{
    [ContractFact]
    public async Task TryAddAsync_stores_a_service_that_GetAsync_returns_with_every_field()
    {
        var stores = await CreateStoresAsync();
        var service = Make.Service(Ids.New()) with { Description = LocalizedText.Empty };

        Assert.True(await stores.Services.TryAddAsync(service));

        Same.Equal(service, await stores.Services.GetAsync(service.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_organisation_already_has_the_slug()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Service(Ids.New());
        await stores.Services.TryAddAsync(first);
        var second = Make.Service(first.OrganisationId, first.Slug);

        Assert.False(await stores.Services.TryAddAsync(second));

        Assert.Null(await stores.Services.GetAsync(second.Id));
        Same.Sequence([first], await stores.Services.ListByOrganisationAsync(first.OrganisationId));
    }

    [ContractFact]
    public async Task TryAddAsync_accepts_a_slug_already_used_in_another_organisation()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Service(Ids.New());
        await stores.Services.TryAddAsync(first);
        var second = Make.Service(Ids.New(), first.Slug);

        Assert.True(await stores.Services.TryAddAsync(second));

        Same.Equal(second, await stores.Services.GetAsync(second.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_id_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Service(Ids.New());
        await stores.Services.TryAddAsync(first);
        var second = Make.Service(Ids.New()) with { Id = first.Id };

        Assert.False(await stores.Services.TryAddAsync(second));

        Same.Equal(first, await stores.Services.GetAsync(first.Id));
        Assert.Empty(await stores.Services.ListByOrganisationAsync(second.OrganisationId));
    }

    [ContractFact]
    public async Task UpdateAsync_replaces_name_and_description()
    {
        var stores = await CreateStoresAsync();
        var service = Make.Service(Ids.New());
        await stores.Services.TryAddAsync(service);
        var renamed = service with { Name = Make.Text("Renamed " + Make.Unicode, "Renommé"), Description = LocalizedText.Empty };

        Assert.True(await stores.Services.UpdateAsync(renamed));

        Same.Equal(renamed, await stores.Services.GetAsync(service.Id));
    }

    [ContractFact]
    public async Task UpdateAsync_returns_false_and_creates_nothing_when_no_service_has_the_id()
    {
        var stores = await CreateStoresAsync();
        var service = Make.Service(Ids.New());

        Assert.False(await stores.Services.UpdateAsync(service));

        Assert.Null(await stores.Services.GetAsync(service.Id));
    }

    [ContractFact]
    public async Task UpdateAsync_never_changes_slug_or_organisation()
    {
        var stores = await CreateStoresAsync();
        var service = Make.Service(Ids.New());
        await stores.Services.TryAddAsync(service);
        var moved = service with { OrganisationId = Ids.New(), Slug = Make.Slug(), Name = Make.Text("New", "Nouveau") };

        Assert.True(await stores.Services.UpdateAsync(moved));

        Same.Equal(service with { Name = moved.Name }, await stores.Services.GetAsync(service.Id));
        Assert.Empty(await stores.Services.ListByOrganisationAsync(moved.OrganisationId));
        Assert.Single(await stores.Services.ListByOrganisationAsync(service.OrganisationId));
    }

    [ContractFact]
    public async Task GetAsync_returns_null_when_there_is_no_service_with_the_id()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Services.GetAsync(Ids.New()));
    }

    [ContractFact]
    public async Task GetManyAsync_returns_the_services_with_the_given_ids()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var a = Make.Service(organisationId);
        var b = Make.Service(organisationId);
        var c = Make.Service(organisationId);
        foreach (var service in new[] { a, b, c })
            await stores.Services.TryAddAsync(service);

        var found = await stores.Services.GetManyAsync([c.Id, a.Id]);

        Same.Sequence(new[] { a, c }.OrderBy(s => s.Id, StringComparer.Ordinal), found.OrderBy(s => s.Id, StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task GetManyAsync_skips_missing_ids_and_returns_duplicates_once()
    {
        var stores = await CreateStoresAsync();
        var service = Make.Service(Ids.New());
        await stores.Services.TryAddAsync(service);

        var found = await stores.Services.GetManyAsync([Ids.New(), service.Id, service.Id, Ids.New()]);

        Same.Sequence([service], found);
    }

    [ContractFact]
    public async Task GetManyAsync_returns_nothing_when_asked_for_no_ids()
    {
        var stores = await CreateStoresAsync();

        Assert.Empty(await stores.Services.GetManyAsync([]));
    }

    [ContractFact]
    public async Task ListByOrganisationAsync_returns_only_the_organisations_services_ordered_by_slug()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var prefix = Make.Slug();
        var b = Make.Service(organisationId, prefix + "-b");
        var c = Make.Service(organisationId, prefix + "-c");
        var a = Make.Service(organisationId, prefix + "-a");
        foreach (var service in new[] { b, c, a, Make.Service(Ids.New(), prefix + "-a") })
            await stores.Services.TryAddAsync(service);

        Same.Sequence([a, b, c], await stores.Services.ListByOrganisationAsync(organisationId));
    }

    [ContractFact]
    public async Task ListByOrganisationAsync_returns_empty_for_an_unknown_organisation()
    {
        var stores = await CreateStoresAsync();

        Assert.Empty(await stores.Services.ListByOrganisationAsync(Ids.New()));
    }
}
