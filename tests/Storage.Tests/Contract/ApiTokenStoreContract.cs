using Engagement.Core.ApiTokens;
using Engagement.Core.Common;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IApiTokenStore"/> every adapter honours.</summary>
public abstract class ApiTokenStoreContract : StoreContract
{
    // ---- TryAddAsync ----

    [ContractFact]
    public async Task TryAddAsync_stores_a_token_that_GetAsync_returns_with_every_field()
    {
        var stores = await CreateStoresAsync();
        var token = Make.ApiToken(Ids.New()) with { RevokedAt = Make.T0.AddDays(2).AddTicks(3) };

        Assert.True(await stores.ApiTokens.TryAddAsync(token));

        Same.Equal(token, await stores.ApiTokens.GetAsync(token.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_round_trips_a_token_without_expiry_or_revocation()
    {
        var stores = await CreateStoresAsync();
        var token = Make.ApiToken(Ids.New()) with { ExpiresAt = null, RevokedAt = null };

        Assert.True(await stores.ApiTokens.TryAddAsync(token));

        Same.Equal(token, await stores.ApiTokens.GetAsync(token.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_id_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.ApiToken(Ids.New());
        await stores.ApiTokens.TryAddAsync(first);
        var second = Make.ApiToken(Ids.New()) with { Id = first.Id };

        Assert.False(await stores.ApiTokens.TryAddAsync(second));

        Same.Equal(first, await stores.ApiTokens.GetAsync(first.Id));
        Assert.Null(await stores.ApiTokens.GetByHashAsync(second.TokenHash));
        Assert.Empty(await stores.ApiTokens.ListByOrganisationAsync(second.OrganisationId));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_hash_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.ApiToken(Ids.New());
        await stores.ApiTokens.TryAddAsync(first);
        var second = Make.ApiToken(Ids.New(), tokenHash: first.TokenHash);

        Assert.False(await stores.ApiTokens.TryAddAsync(second));

        Assert.Null(await stores.ApiTokens.GetAsync(second.Id));
        Same.Equal(first, await stores.ApiTokens.GetByHashAsync(first.TokenHash));
        Assert.Empty(await stores.ApiTokens.ListByOrganisationAsync(second.OrganisationId));
    }

    [ContractFact]
    public async Task TryAddAsync_accepts_exactly_one_of_many_concurrent_tokens_with_the_same_hash()
    {
        var stores = await CreateStoresAsync();
        var hash = SecretTokens.Hash(SecretTokens.NewToken());
        var attempts = Enumerable.Range(0, 20).Select(_ => Make.ApiToken(Ids.New(), tokenHash: hash)).ToArray();

        var results = await Task.WhenAll(attempts.Select(t => Task.Run(() => stores.ApiTokens.TryAddAsync(t))));

        Assert.Single(results, r => r);
        Same.Equal(attempts[Array.IndexOf(results, true)], await stores.ApiTokens.GetByHashAsync(hash));
    }

    // ---- Look-ups ----

    [ContractFact]
    public async Task GetAsync_returns_null_when_there_is_no_token_with_the_id()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.ApiTokens.GetAsync(Ids.New()));
    }

    [ContractFact]
    public async Task GetByHashAsync_returns_the_token_whose_secret_hashes_to_the_value()
    {
        var stores = await CreateStoresAsync();
        var token = Make.ApiToken(Ids.New());
        await stores.ApiTokens.TryAddAsync(token);

        Same.Equal(token, await stores.ApiTokens.GetByHashAsync(token.TokenHash));
        Assert.Null(await stores.ApiTokens.GetByHashAsync(token.TokenHash.ToUpperInvariant()));
    }

    [ContractFact]
    public async Task GetByHashAsync_returns_revoked_tokens_too()
    {
        var stores = await CreateStoresAsync();
        var token = Make.ApiToken(Ids.New());
        await stores.ApiTokens.TryAddAsync(token);
        var revoked = await stores.ApiTokens.RevokeAsync(token.Id, Make.T0.AddDays(1));

        Same.Equal(revoked, await stores.ApiTokens.GetByHashAsync(token.TokenHash));
    }

    [ContractFact]
    public async Task GetByHashAsync_returns_null_when_no_token_has_the_hash()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.ApiTokens.GetByHashAsync(SecretTokens.Hash(SecretTokens.NewToken())));
    }

    // ---- ListByOrganisationAsync ----

    [ContractFact]
    public async Task ListByOrganisationAsync_returns_the_organisations_tokens_revoked_included_newest_first_then_by_id_descending()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var old = Make.ApiToken(organisationId, createdAt: Make.T0);
        // Later as an instant although earlier on the clock face: order is by instant, not local time.
        var newest = Make.ApiToken(organisationId, createdAt: Make.T0.AddHours(2).ToOffset(TimeSpan.FromHours(-12)));
        var twins = Enumerable.Range(0, 3).Select(_ => Make.ApiToken(organisationId, createdAt: Make.T0.AddHours(1))).ToArray();
        foreach (var token in twins.Append(old).Append(newest).Append(Make.ApiToken(Ids.New())))
            await stores.ApiTokens.TryAddAsync(token);
        var revokedOld = await stores.ApiTokens.RevokeAsync(old.Id, Make.T0.AddDays(3));

        var listed = await stores.ApiTokens.ListByOrganisationAsync(organisationId);

        Same.Sequence(new[] { newest }.Concat(twins.OrderByDescending(t => t.Id, StringComparer.Ordinal)).Append(revokedOld!), listed);
    }

    [ContractFact]
    public async Task ListByOrganisationAsync_returns_empty_for_an_unknown_organisation()
    {
        var stores = await CreateStoresAsync();

        Assert.Empty(await stores.ApiTokens.ListByOrganisationAsync(Ids.New()));
    }

    // ---- RevokeAsync ----

    [ContractFact]
    public async Task RevokeAsync_marks_the_token_revoked_at_the_instant_and_returns_it_as_stored()
    {
        var stores = await CreateStoresAsync();
        var token = Make.ApiToken(Ids.New());
        await stores.ApiTokens.TryAddAsync(token);
        var at = Make.T0.AddDays(1).AddTicks(9);

        var revoked = await stores.ApiTokens.RevokeAsync(token.Id, at);

        // Nothing but the revocation time changes.
        var expected = token with { RevokedAt = at };
        Same.Equal(expected, revoked);
        Same.Equal(expected, await stores.ApiTokens.GetAsync(token.Id));
    }

    [ContractFact]
    public async Task RevokeAsync_returns_null_and_creates_nothing_when_the_id_is_unknown()
    {
        var stores = await CreateStoresAsync();
        var id = Ids.New();

        Assert.Null(await stores.ApiTokens.RevokeAsync(id, Make.T0));

        Assert.Null(await stores.ApiTokens.GetAsync(id));
    }

    [ContractFact]
    public async Task RevokeAsync_keeps_the_first_revocation_time_when_the_token_is_already_revoked()
    {
        var stores = await CreateStoresAsync();
        var token = Make.ApiToken(Ids.New());
        await stores.ApiTokens.TryAddAsync(token);
        var first = await stores.ApiTokens.RevokeAsync(token.Id, Make.T0.AddDays(1));

        var again = await stores.ApiTokens.RevokeAsync(token.Id, Make.T0.AddDays(2));

        Same.Equal(first, again);
        Same.Equal(token with { RevokedAt = Make.T0.AddDays(1) }, await stores.ApiTokens.GetAsync(token.Id));
    }

    [ContractFact]
    public async Task RevokeAsync_from_many_callers_at_once_keeps_one_revocation_time()
    {
        var stores = await CreateStoresAsync();
        var token = Make.ApiToken(Ids.New());
        await stores.ApiTokens.TryAddAsync(token);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => stores.ApiTokens.RevokeAsync(token.Id, Make.T0.AddMinutes(i)))));

        var stored = await stores.ApiTokens.GetAsync(token.Id);
        Assert.All(results, r => Assert.Equal(stored!.RevokedAt, r!.RevokedAt));
    }
}
