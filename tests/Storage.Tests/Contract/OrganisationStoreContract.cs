using Engagement.Core.Common;
using Engagement.Core.Organisations;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IOrganisationStore"/> every adapter honours.</summary>
public abstract class OrganisationStoreContract : StoreContract
{
    [ContractFact]
    public async Task TryAddAsync_stores_an_organisation_that_GetAsync_returns_with_every_field()
    {
        var stores = await CreateStoresAsync();
        var organisation = Make.Organisation();

        Assert.True(await stores.Organisations.TryAddAsync(organisation));

        Same.Equal(organisation, await stores.Organisations.GetAsync(organisation.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_slug_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Organisation();
        await stores.Organisations.TryAddAsync(first);
        var second = Make.Organisation(first.Slug);

        Assert.False(await stores.Organisations.TryAddAsync(second));

        Assert.Null(await stores.Organisations.GetAsync(second.Id));
        Same.Equal(first, await stores.Organisations.GetBySlugAsync(first.Slug));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_id_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Organisation();
        await stores.Organisations.TryAddAsync(first);
        var second = Make.Organisation() with { Id = first.Id };

        Assert.False(await stores.Organisations.TryAddAsync(second));

        Same.Equal(first, await stores.Organisations.GetAsync(first.Id));
        Assert.Null(await stores.Organisations.GetBySlugAsync(second.Slug));
    }

    [ContractFact]
    public async Task GetAsync_returns_null_when_there_is_no_organisation_with_the_id()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Organisations.GetAsync(Ids.New()));
    }

    [ContractFact]
    public async Task GetBySlugAsync_returns_the_organisation_with_that_slug()
    {
        var stores = await CreateStoresAsync();
        var organisation = Make.Organisation();
        await stores.Organisations.TryAddAsync(organisation);

        Same.Equal(organisation, await stores.Organisations.GetBySlugAsync(organisation.Slug));
    }

    [ContractFact]
    public async Task GetBySlugAsync_is_exact_and_case_sensitive()
    {
        var stores = await CreateStoresAsync();
        var organisation = Make.Organisation();
        await stores.Organisations.TryAddAsync(organisation);

        Assert.Null(await stores.Organisations.GetBySlugAsync(organisation.Slug.ToUpperInvariant()));
        Assert.Null(await stores.Organisations.GetBySlugAsync(organisation.Slug[..^1]));
        Assert.Null(await stores.Organisations.GetBySlugAsync(organisation.Slug + " "));
    }

    [ContractFact]
    public async Task GetBySlugAsync_returns_null_when_no_organisation_has_the_slug()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Organisations.GetBySlugAsync(Make.Slug()));
    }

    [ContractFact]
    public async Task ListAsync_returns_every_organisation_ordered_by_slug()
    {
        var stores = await CreateStoresAsync();
        var prefix = Make.Slug("list");
        var c = Make.Organisation(prefix + "-c");
        var a = Make.Organisation(prefix + "-a");
        var b = Make.Organisation(prefix + "-b");
        foreach (var organisation in new[] { c, a, b })
            await stores.Organisations.TryAddAsync(organisation);

        var all = await stores.Organisations.ListAsync();

        Same.Sequence([a, b, c], all.Where(o => o.Slug.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Equal(all.Select(o => o.Slug).Order(StringComparer.Ordinal), all.Select(o => o.Slug));
    }
}
