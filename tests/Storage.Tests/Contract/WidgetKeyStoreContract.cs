using Engagement.Core.Common;
using Engagement.Core.Widgets;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IWidgetKeyStore"/> every adapter honours.</summary>
public abstract class WidgetKeyStoreContract : StoreContract
{
    [ContractFact]
    public async Task TryAddAsync_stores_a_key_that_GetAsync_and_GetByKeyAsync_return_with_every_field()
    {
        var stores = await CreateStoresAsync();
        var key = Make.WidgetKey(Ids.New(), Ids.New());

        Assert.True(await stores.WidgetKeys.TryAddAsync(key));

        Same.Equal(key, await stores.WidgetKeys.GetAsync(key.Id));
        Same.Equal(key, await stores.WidgetKeys.GetByKeyAsync(key.Key));
    }

    [ContractFact]
    public async Task GetByKeyAsync_is_exact_and_case_sensitive()
    {
        var stores = await CreateStoresAsync();
        var key = Make.WidgetKey(Ids.New(), Ids.New());
        await stores.WidgetKeys.TryAddAsync(key);

        Assert.Null(await stores.WidgetKeys.GetByKeyAsync(key.Key.ToUpperInvariant()));
        Assert.Null(await stores.WidgetKeys.GetByKeyAsync(key.Key[..^1]));
        Assert.Null(await stores.WidgetKeys.GetByKeyAsync(WidgetKey.NewKey()));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_public_key_or_the_id_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.WidgetKey(Ids.New(), Ids.New());
        await stores.WidgetKeys.TryAddAsync(first);
        var sameKey = Make.WidgetKey(first.OrganisationId, first.ServiceId) with { Key = first.Key };
        var sameId = Make.WidgetKey(first.OrganisationId, first.ServiceId) with { Id = first.Id };

        Assert.False(await stores.WidgetKeys.TryAddAsync(sameKey));
        Assert.False(await stores.WidgetKeys.TryAddAsync(sameId));

        Assert.Null(await stores.WidgetKeys.GetAsync(sameKey.Id));
        Same.Equal(first, await stores.WidgetKeys.GetByKeyAsync(first.Key));
        Same.Sequence([first], await stores.WidgetKeys.ListByServiceAsync(first.ServiceId));
    }

    [ContractFact]
    public async Task UpdateAsync_replaces_the_settings_but_keeps_identity_owner_service_and_creation()
    {
        var stores = await CreateStoresAsync();
        var key = Make.WidgetKey(Ids.New(), Ids.New());
        await stores.WidgetKeys.TryAddAsync(key);
        var changed = key with
        {
            Key = WidgetKey.NewKey(),
            OrganisationId = Ids.New(),
            ServiceId = Ids.New(),
            CreatedAt = key.CreatedAt.AddDays(1),
            AllowedOrigins = ["https://*.example.gc.ca"],
            PagePattern = null,
            Question = LocalizedText.Empty,
            Language = null,
            ShowAverage = !key.ShowAverage,
            Enabled = false,
            UpdatedAt = key.UpdatedAt.AddHours(3),
        };

        Assert.True(await stores.WidgetKeys.UpdateAsync(changed));

        Same.Equal(changed with { Key = key.Key, OrganisationId = key.OrganisationId, ServiceId = key.ServiceId, CreatedAt = key.CreatedAt },
            await stores.WidgetKeys.GetAsync(key.Id));
        Assert.NotNull(await stores.WidgetKeys.GetByKeyAsync(key.Key));
    }

    [ContractFact]
    public async Task UpdateAsync_returns_false_for_an_unknown_id_and_adds_nothing()
    {
        var stores = await CreateStoresAsync();
        var key = Make.WidgetKey(Ids.New(), Ids.New());

        Assert.False(await stores.WidgetKeys.UpdateAsync(key));

        Assert.Null(await stores.WidgetKeys.GetAsync(key.Id));
    }

    [ContractFact]
    public async Task ListByServiceAsync_returns_the_service_keys_oldest_first_and_no_other()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());
        var later = Make.WidgetKey(organisationId, serviceId, Make.T0.AddMinutes(5));
        var earlier = Make.WidgetKey(organisationId, serviceId, Make.T0);
        var other = Make.WidgetKey(organisationId, Ids.New(), Make.T0);
        foreach (var key in new[] { later, earlier, other })
            await stores.WidgetKeys.TryAddAsync(key);

        Same.Sequence([earlier, later], await stores.WidgetKeys.ListByServiceAsync(serviceId));
        Assert.Empty(await stores.WidgetKeys.ListByServiceAsync(Ids.New()));
    }
}
