using Engagement.Core.Common;
using Engagement.Core.Participants;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IParticipantStore"/> every adapter honours.</summary>
public abstract class ParticipantStoreContract : StoreContract
{
    [Fact]
    public async Task TryAddAsync_stores_an_anonymous_participant_found_by_id_and_by_token_hash()
    {
        var stores = await CreateStoresAsync();
        var participant = Make.Anonymous();

        Assert.True(await stores.Participants.TryAddAsync(participant));

        Same.Equal(participant, await stores.Participants.GetAsync(participant.Id));
        Same.Equal(participant, await stores.Participants.GetByTokenHashAsync(participant.TokenHash!));
    }

    [Fact]
    public async Task TryAddAsync_stores_a_verified_participant_found_by_id_and_by_email()
    {
        var stores = await CreateStoresAsync();
        var participant = Make.Verified();

        Assert.True(await stores.Participants.TryAddAsync(participant));

        var stored = await stores.Participants.GetAsync(participant.Id);
        Same.Equal(participant, stored);
        Assert.True(stored!.HasVerifiedEmail);
        Same.Equal(participant, await stores.Participants.GetByEmailAsync(participant.Email!));
    }

    [Fact]
    public async Task TryAddAsync_accepts_many_participants_without_token_hash_or_without_email()
    {
        var stores = await CreateStoresAsync();

        Assert.True(await stores.Participants.TryAddAsync(Make.Verified()));
        Assert.True(await stores.Participants.TryAddAsync(Make.Verified()));
        Assert.True(await stores.Participants.TryAddAsync(Make.Anonymous()));
        Assert.True(await stores.Participants.TryAddAsync(Make.Anonymous()));
    }

    [Fact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_id_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Anonymous();
        await stores.Participants.TryAddAsync(first);
        var second = Make.Verified() with { Id = first.Id };

        Assert.False(await stores.Participants.TryAddAsync(second));

        Same.Equal(first, await stores.Participants.GetAsync(first.Id));
        Assert.Null(await stores.Participants.GetByEmailAsync(second.Email!));
    }

    [Fact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_another_participant_holds_the_token_hash()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Anonymous();
        await stores.Participants.TryAddAsync(first);
        var second = Make.Anonymous(first.TokenHash);

        Assert.False(await stores.Participants.TryAddAsync(second));

        Assert.Null(await stores.Participants.GetAsync(second.Id));
        Same.Equal(first, await stores.Participants.GetByTokenHashAsync(first.TokenHash!));
    }

    [Fact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_another_participant_holds_the_email()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Verified();
        await stores.Participants.TryAddAsync(first);
        var second = Make.Verified(first.Email);

        Assert.False(await stores.Participants.TryAddAsync(second));

        Assert.Null(await stores.Participants.GetAsync(second.Id));
        Same.Equal(first, await stores.Participants.GetByEmailAsync(first.Email!));
    }

    [Fact]
    public async Task TryAddAsync_accepts_exactly_one_of_many_concurrent_participants_with_the_same_token_hash()
    {
        var stores = await CreateStoresAsync();
        var tokenHash = ParticipantTokens.Hash(ParticipantTokens.NewToken());
        var attempts = Enumerable.Range(0, 20).Select(_ => Make.Anonymous(tokenHash)).ToArray();

        var results = await Task.WhenAll(attempts.Select(p => Task.Run(() => stores.Participants.TryAddAsync(p))));

        Assert.Single(results, r => r);
        Same.Equal(attempts[Array.IndexOf(results, true)], await stores.Participants.GetByTokenHashAsync(tokenHash));
    }

    [Fact]
    public async Task GetAsync_returns_null_when_there_is_no_participant_with_the_id()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Participants.GetAsync(Ids.New()));
    }

    [Fact]
    public async Task GetByTokenHashAsync_returns_null_when_no_participant_has_the_token_hash()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Participants.GetByTokenHashAsync(ParticipantTokens.Hash(ParticipantTokens.NewToken())));
    }

    [Fact]
    public async Task GetByEmailAsync_compares_the_email_as_stored_in_lower_case()
    {
        var stores = await CreateStoresAsync();
        var participant = Make.Verified($"élodie.{Ids.New()}@exemple.ca");
        await stores.Participants.TryAddAsync(participant);

        Same.Equal(participant, await stores.Participants.GetByEmailAsync(participant.Email!));
        Assert.Null(await stores.Participants.GetByEmailAsync("x" + participant.Email));
    }

    [Fact]
    public async Task GetByEmailAsync_returns_null_when_no_participant_has_the_email()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Participants.GetByEmailAsync($"{Ids.New()}@example.org"));
    }
}
