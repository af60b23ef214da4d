using Engagement.Core.Common;
using Engagement.Core.Email;
using Engagement.Core.Participants;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IEmailChallengeStore"/> every adapter honours: a challenge and its email commit together, and a link is used once.</summary>
public abstract class EmailChallengeStoreContract : StoreContract
{
    private static EmailChallenge Challenge(string? address = null, DateTimeOffset? createdAt = null, string? participantId = null)
    {
        var at = createdAt ?? Make.T0;
        return new EmailChallenge
        {
            Id = Ids.New(),
            TokenHash = SecretTokens.Hash(SecretTokens.NewToken()),
            Address = address ?? $"élodie.{Ids.New()}@exemple.ca",
            ParticipantId = participantId,
            Language = "fr",
            CreatedAt = at,
            ExpiresAt = at + EmailChallenge.Lifetime,
        };
    }

    private static EmailMessage Email(EmailChallenge challenge) => new(challenge.Id, challenge.Address, null, "Votre lien de connexion",
        "Texte « brut »", "<p>Texte</p>", "fr", "https://engagement.example.org/fr/unsubscribe?token=abc", challenge.CreatedAt);

    [ContractFact]
    public async Task TryAddAsync_stores_the_challenge_and_its_email_pending_and_due_when_the_challenge_was_made()
    {
        var stores = await CreateStoresAsync();
        var challenge = Challenge(participantId: Ids.New());
        var email = Email(challenge);

        Assert.True(await stores.EmailChallenges.TryAddAsync(challenge, email));

        Same.Equal(challenge, await stores.EmailChallenges.GetByTokenHashAsync(challenge.TokenHash));
        var queued = await stores.Outbox.GetAsync(email.Id);
        Assert.Equal((OutboxStatus.Pending, challenge.CreatedAt), (queued!.Status, queued.NextAttemptAt));
        Same.Equal(email, queued.Message);
    }

    [ContractFact]
    public async Task TryAddAsync_without_an_email_stores_the_challenge_alone()
    {
        var stores = await CreateStoresAsync();
        var challenge = Challenge();

        Assert.True(await stores.EmailChallenges.TryAddAsync(challenge, null));

        Same.Equal(challenge, await stores.EmailChallenges.GetByTokenHashAsync(challenge.TokenHash));
        Assert.Null(await stores.Outbox.GetAsync(challenge.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_stores_neither_the_challenge_nor_its_email_when_the_token_hash_is_held()
    {
        var stores = await CreateStoresAsync();
        var first = Challenge();
        await stores.EmailChallenges.TryAddAsync(first, null);
        var second = Challenge() with { TokenHash = first.TokenHash };

        Assert.False(await stores.EmailChallenges.TryAddAsync(second, Email(second)));

        Same.Equal(first, await stores.EmailChallenges.GetByTokenHashAsync(first.TokenHash));
        Assert.Null(await stores.Outbox.GetAsync(second.Id));
        Assert.Equal(0, await stores.EmailChallenges.CountSinceAsync(second.Address, Make.T0.AddYears(-1)));
    }

    [ContractFact]
    public async Task TryAddAsync_stores_neither_when_the_email_cannot_be_stored()
    {
        var stores = await CreateStoresAsync();
        var challenge = Challenge();
        var email = Email(challenge);
        await stores.Outbox.EnqueueAsync([email with { Subject = "Already there" }], Make.T0);

        Assert.False(await stores.EmailChallenges.TryAddAsync(challenge, email));

        Assert.Null(await stores.EmailChallenges.GetByTokenHashAsync(challenge.TokenHash));
        Assert.Equal("Already there", (await stores.Outbox.GetAsync(email.Id))!.Message.Subject);
    }

    [ContractFact]
    public async Task CountSinceAsync_counts_the_address_challenges_made_at_or_after_the_instant_used_or_not()
    {
        var stores = await CreateStoresAsync();
        var address = $"{Ids.New()}@example.org";
        var (early, onTheDot, later) = (Challenge(address, Make.T0), Challenge(address, Make.T0.AddMinutes(30)), Challenge(address, Make.T0.AddMinutes(50)));
        foreach (var challenge in new[] { early, onTheDot, later, Challenge() })
            await stores.EmailChallenges.TryAddAsync(challenge, null);
        await stores.EmailChallenges.ConsumeAsync(later.TokenHash, Make.T0.AddMinutes(51));

        Assert.Equal(2, await stores.EmailChallenges.CountSinceAsync(address, Make.T0.AddMinutes(30)));
        Assert.Equal(3, await stores.EmailChallenges.CountSinceAsync(address, Make.T0));
        Assert.Equal(0, await stores.EmailChallenges.CountSinceAsync(address, Make.T0.AddMinutes(51)));
        Assert.Equal(0, await stores.EmailChallenges.CountSinceAsync($"{Ids.New()}@example.org", Make.T0));
    }

    [ContractFact]
    public async Task GetByTokenHashAsync_changes_nothing_and_returns_null_for_an_unknown_hash()
    {
        var stores = await CreateStoresAsync();
        var challenge = Challenge();
        await stores.EmailChallenges.TryAddAsync(challenge, null);

        await stores.EmailChallenges.GetByTokenHashAsync(challenge.TokenHash);
        await stores.EmailChallenges.GetByTokenHashAsync(challenge.TokenHash);

        Assert.Null((await stores.EmailChallenges.GetByTokenHashAsync(challenge.TokenHash))!.UsedAt);
        Assert.Null(await stores.EmailChallenges.GetByTokenHashAsync(SecretTokens.Hash(SecretTokens.NewToken())));
    }

    [ContractFact]
    public async Task ConsumeAsync_uses_a_challenge_once_and_afterwards_shows_when_it_was_used()
    {
        var stores = await CreateStoresAsync();
        var challenge = Challenge();
        await stores.EmailChallenges.TryAddAsync(challenge, null);
        var (first, second) = (Make.T0.AddMinutes(3), Make.T0.AddMinutes(4));

        var use = await stores.EmailChallenges.ConsumeAsync(challenge.TokenHash, first);
        var again = await stores.EmailChallenges.ConsumeAsync(challenge.TokenHash, second);

        Assert.True(use.Consumed);
        Same.Equal(challenge with { UsedAt = first }, use.Challenge);
        Assert.False(again.Consumed);
        Same.Equal(challenge with { UsedAt = first }, again.Challenge);
        Same.Equal(challenge with { UsedAt = first }, await stores.EmailChallenges.GetByTokenHashAsync(challenge.TokenHash));
    }

    [ContractFact]
    public async Task ConsumeAsync_uses_a_challenge_until_just_before_its_expiry_and_not_from_it()
    {
        var stores = await CreateStoresAsync();
        var (lastMoment, expired) = (Challenge(), Challenge());
        await stores.EmailChallenges.TryAddAsync(lastMoment, null);
        await stores.EmailChallenges.TryAddAsync(expired, null);

        Assert.True((await stores.EmailChallenges.ConsumeAsync(lastMoment.TokenHash, lastMoment.ExpiresAt.AddTicks(-1))).Consumed);
        var late = await stores.EmailChallenges.ConsumeAsync(expired.TokenHash, expired.ExpiresAt);

        Assert.False(late.Consumed);
        Same.Equal(expired, late.Challenge);
        Assert.Null((await stores.EmailChallenges.GetByTokenHashAsync(expired.TokenHash))!.UsedAt);
    }

    [ContractFact]
    public async Task ConsumeAsync_of_an_unknown_hash_uses_nothing_and_returns_no_challenge()
    {
        var stores = await CreateStoresAsync();

        var use = await stores.EmailChallenges.ConsumeAsync(SecretTokens.Hash(SecretTokens.NewToken()), Make.T0);

        Assert.Equal(new EmailChallengeUse(false, null), use);
    }

    [ContractFact]
    public async Task Of_many_concurrent_ConsumeAsync_calls_for_one_challenge_exactly_one_uses_it()
    {
        var stores = await CreateStoresAsync();
        var challenge = Challenge();
        await stores.EmailChallenges.TryAddAsync(challenge, null);
        var now = Make.T0.AddMinutes(1);

        var uses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => stores.EmailChallenges.ConsumeAsync(challenge.TokenHash, now))));

        Assert.Single(uses, u => u.Consumed);
        Assert.All(uses, u => Assert.Equal(now, u.Challenge!.UsedAt));
    }

    [ContractFact]
    public async Task DeleteCreatedBeforeAsync_deletes_challenges_asked_for_before_the_instant_oldest_first_up_to_the_limit()
    {
        var stores = await CreateStoresAsync();
        // Long before every other test's challenges, so the cut-off touches only these.
        var (first, second, kept) = (Challenge(createdAt: Make.T0.AddYears(-60)), Challenge(createdAt: Make.T0.AddYears(-60).AddMinutes(1)),
            Challenge(createdAt: Make.T0.AddYears(-59)));
        foreach (var c in new[] { first, second, kept })
            await stores.EmailChallenges.TryAddAsync(c, null);

        Assert.Equal(1, await stores.EmailChallenges.DeleteCreatedBeforeAsync(Make.T0.AddYears(-59), 1));
        Assert.Null(await stores.EmailChallenges.GetByTokenHashAsync(first.TokenHash));
        Assert.Equal(1, await stores.EmailChallenges.DeleteCreatedBeforeAsync(Make.T0.AddYears(-59), 100));

        Assert.Null(await stores.EmailChallenges.GetByTokenHashAsync(second.TokenHash));
        Assert.NotNull(await stores.EmailChallenges.GetByTokenHashAsync(kept.TokenHash));
    }
}
