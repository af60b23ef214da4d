using Engagement.Core.Common;
using Engagement.Core.Participants;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IParticipantStore"/> every adapter honours.</summary>
public abstract class ParticipantStoreContract : StoreContract
{
    [ContractFact]
    public async Task TryAddAsync_stores_an_anonymous_participant_found_by_id_and_by_token_hash()
    {
        var stores = await CreateStoresAsync();
        var participant = Make.Anonymous();

        Assert.True(await stores.Participants.TryAddAsync(participant));

        Same.Equal(participant, await stores.Participants.GetAsync(participant.Id));
        Same.Equal(participant, await stores.Participants.GetByTokenHashAsync(participant.TokenHash!));
    }

    [ContractFact]
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

    [ContractFact]
    public async Task TryAddAsync_accepts_many_participants_without_token_hash_or_without_email()
    {
        var stores = await CreateStoresAsync();

        Assert.True(await stores.Participants.TryAddAsync(Make.Verified()));
        Assert.True(await stores.Participants.TryAddAsync(Make.Verified()));
        Assert.True(await stores.Participants.TryAddAsync(Make.Anonymous()));
        Assert.True(await stores.Participants.TryAddAsync(Make.Anonymous()));
    }

    [ContractFact]
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

    [ContractFact]
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

    [ContractFact]
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

    [ContractFact]
    public async Task TryAddAsync_accepts_exactly_one_of_many_concurrent_participants_with_the_same_token_hash()
    {
        var stores = await CreateStoresAsync();
        var tokenHash = ParticipantTokens.Hash(ParticipantTokens.NewToken());
        var attempts = Enumerable.Range(0, 20).Select(_ => Make.Anonymous(tokenHash)).ToArray();

        var results = await Task.WhenAll(attempts.Select(p => Task.Run(() => stores.Participants.TryAddAsync(p))));

        Assert.Single(results, r => r);
        Same.Equal(attempts[Array.IndexOf(results, true)], await stores.Participants.GetByTokenHashAsync(tokenHash));
    }

    [ContractFact]
    public async Task GetAsync_returns_null_when_there_is_no_participant_with_the_id()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Participants.GetAsync(Ids.New()));
    }

    [ContractFact]
    public async Task GetByTokenHashAsync_returns_null_when_no_participant_has_the_token_hash()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Participants.GetByTokenHashAsync(ParticipantTokens.Hash(ParticipantTokens.NewToken())));
    }

    [ContractFact]
    public async Task GetByEmailAsync_compares_the_email_as_stored_in_lower_case()
    {
        var stores = await CreateStoresAsync();
        var participant = Make.Verified($"élodie.{Ids.New()}@exemple.ca");
        await stores.Participants.TryAddAsync(participant);

        Same.Equal(participant, await stores.Participants.GetByEmailAsync(participant.Email!));
        Assert.Null(await stores.Participants.GetByEmailAsync("x" + participant.Email));
    }

    [ContractFact]
    public async Task GetByEmailAsync_returns_null_when_no_participant_has_the_email()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Participants.GetByEmailAsync($"{Ids.New()}@example.org"));
    }

    [ContractFact]
    public async Task TryVerifyEmailAsync_makes_an_anonymous_participant_verified_and_its_token_keeps_working()
    {
        var stores = await CreateStoresAsync();
        var participant = Make.Anonymous();
        await stores.Participants.TryAddAsync(participant);
        var email = $"{Ids.New()}@example.org";
        var at = Make.T0.AddMinutes(7);

        Assert.True(await stores.Participants.TryVerifyEmailAsync(participant.Id, email, at));

        var verified = participant with { Kind = ParticipantKind.VerifiedEmail, Email = email, EmailVerifiedAt = at };
        Same.Equal(verified, await stores.Participants.GetAsync(participant.Id));
        Same.Equal(verified, await stores.Participants.GetByEmailAsync(email));
        Same.Equal(verified, await stores.Participants.GetByTokenHashAsync(participant.TokenHash!));
    }

    [ContractFact]
    public async Task TryVerifyEmailAsync_returns_false_and_changes_nothing_for_an_unknown_participant_or_one_that_has_an_email()
    {
        var stores = await CreateStoresAsync();
        var verified = Make.Verified();
        await stores.Participants.TryAddAsync(verified);
        var email = $"{Ids.New()}@example.org";

        Assert.False(await stores.Participants.TryVerifyEmailAsync(Ids.New(), email, Make.T0));
        Assert.False(await stores.Participants.TryVerifyEmailAsync(verified.Id, email, Make.T0));

        Same.Equal(verified, await stores.Participants.GetAsync(verified.Id));
        Assert.Null(await stores.Participants.GetByEmailAsync(email));
    }

    [ContractFact]
    public async Task TryVerifyEmailAsync_returns_false_and_changes_nothing_when_another_participant_holds_the_email()
    {
        var stores = await CreateStoresAsync();
        var holder = Make.Verified();
        var anonymous = Make.Anonymous();
        await stores.Participants.TryAddAsync(holder);
        await stores.Participants.TryAddAsync(anonymous);

        Assert.False(await stores.Participants.TryVerifyEmailAsync(anonymous.Id, holder.Email!, Make.T0));

        Same.Equal(anonymous, await stores.Participants.GetAsync(anonymous.Id));
        Same.Equal(holder, await stores.Participants.GetByEmailAsync(holder.Email!));
    }

    [ContractFact]
    public async Task Of_concurrent_TryVerifyEmailAsync_calls_giving_one_email_to_many_participants_exactly_one_succeeds()
    {
        var stores = await CreateStoresAsync();
        var participants = Enumerable.Range(0, 10).Select(_ => Make.Anonymous()).ToArray();
        foreach (var participant in participants)
            await stores.Participants.TryAddAsync(participant);
        var email = $"{Ids.New()}@example.org";

        var results = await Task.WhenAll(participants.Select(p => Task.Run(() => stores.Participants.TryVerifyEmailAsync(p.Id, email, Make.T0))));

        Assert.Single(results, r => r);
        Assert.Equal(participants[Array.IndexOf(results, true)].Id, (await stores.Participants.GetByEmailAsync(email))!.Id);
    }

    [ContractFact]
    public async Task TryAddTokenAsync_gives_a_participant_another_token_and_its_first_keeps_working()
    {
        var stores = await CreateStoresAsync();
        var participant = Make.Verified();
        await stores.Participants.TryAddAsync(participant);
        var (second, third) = (ParticipantTokens.Hash(ParticipantTokens.NewToken()), ParticipantTokens.Hash(ParticipantTokens.NewToken()));
        var anonymous = Make.Anonymous();
        await stores.Participants.TryAddAsync(anonymous);

        Assert.True(await stores.Participants.TryAddTokenAsync(participant.Id, second, Make.T0));
        Assert.True(await stores.Participants.TryAddTokenAsync(participant.Id, third, Make.T0));
        Assert.True(await stores.Participants.TryAddTokenAsync(anonymous.Id, ParticipantTokens.Hash(ParticipantTokens.NewToken()), Make.T0));

        Same.Equal(participant, await stores.Participants.GetByTokenHashAsync(second));
        Same.Equal(participant, await stores.Participants.GetByTokenHashAsync(third));
        Same.Equal(anonymous, await stores.Participants.GetByTokenHashAsync(anonymous.TokenHash!));
    }

    [ContractFact]
    public async Task TryAddTokenAsync_returns_false_and_changes_nothing_for_an_unknown_participant_or_a_token_hash_already_held()
    {
        var stores = await CreateStoresAsync();
        var (first, other) = (Make.Anonymous(), Make.Verified());
        await stores.Participants.TryAddAsync(first);
        await stores.Participants.TryAddAsync(other);
        var added = ParticipantTokens.Hash(ParticipantTokens.NewToken());
        await stores.Participants.TryAddTokenAsync(other.Id, added, Make.T0);
        var unused = ParticipantTokens.Hash(ParticipantTokens.NewToken());

        Assert.False(await stores.Participants.TryAddTokenAsync(Ids.New(), unused, Make.T0));
        Assert.False(await stores.Participants.TryAddTokenAsync(other.Id, first.TokenHash!, Make.T0));
        Assert.False(await stores.Participants.TryAddTokenAsync(first.Id, added, Make.T0));

        Assert.Null(await stores.Participants.GetByTokenHashAsync(unused));
        Same.Equal(first, await stores.Participants.GetByTokenHashAsync(first.TokenHash!));
        Same.Equal(other, await stores.Participants.GetByTokenHashAsync(added));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_when_its_token_hash_was_added_to_another_participant()
    {
        var stores = await CreateStoresAsync();
        var holder = Make.Verified();
        await stores.Participants.TryAddAsync(holder);
        var added = ParticipantTokens.Hash(ParticipantTokens.NewToken());
        await stores.Participants.TryAddTokenAsync(holder.Id, added, Make.T0);
        var newcomer = Make.Anonymous(added);

        Assert.False(await stores.Participants.TryAddAsync(newcomer));

        Assert.Null(await stores.Participants.GetAsync(newcomer.Id));
        Same.Equal(holder, await stores.Participants.GetByTokenHashAsync(added));
    }
}
