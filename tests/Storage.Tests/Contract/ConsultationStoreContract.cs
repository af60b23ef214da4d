using Engagement.Core.Common;
using Engagement.Core.Consultations;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IConsultationStore"/> every adapter honours.</summary>
public abstract class ConsultationStoreContract : StoreContract
{
    [ContractFact]
    public async Task TryAddAsync_stores_a_consultation_that_GetAsync_returns_with_every_field()
    {
        var stores = await CreateStoresAsync();
        var consultation = Make.Consultation(Ids.New());

        Assert.True(await stores.Consultations.TryAddAsync(consultation));

        var stored = await stores.Consultations.GetAsync(consultation.Id);
        Same.Equal(consultation, stored);
        Assert.Equal(consultation.ClosesAt!.Value.Offset, stored!.ClosesAt!.Value.Offset);
        Assert.Equal(consultation.CreatedAt.Offset, stored.CreatedAt.Offset);
    }

    [ContractFact]
    public async Task TryAddAsync_round_trips_a_consultation_whose_optional_fields_are_empty()
    {
        var stores = await CreateStoresAsync();
        var consultation = Make.Consultation(Ids.New()) with
        {
            Summary = LocalizedText.Empty,
            Body = LocalizedText.Empty,
            OpensAt = null,
            ClosesAt = null,
            Outcome = LocalizedText.Empty,
        };

        await stores.Consultations.TryAddAsync(consultation);

        Same.Equal(consultation, await stores.Consultations.GetAsync(consultation.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_organisation_already_has_the_slug()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Consultation(Ids.New());
        await stores.Consultations.TryAddAsync(first);
        var second = Make.Consultation(first.OrganisationId, first.Slug);

        Assert.False(await stores.Consultations.TryAddAsync(second));

        Assert.Null(await stores.Consultations.GetAsync(second.Id));
        Same.Equal(first, await stores.Consultations.GetBySlugAsync(first.OrganisationId, first.Slug));
    }

    [ContractFact]
    public async Task TryAddAsync_accepts_a_slug_already_used_in_another_organisation()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Consultation(Ids.New());
        await stores.Consultations.TryAddAsync(first);
        var second = Make.Consultation(Ids.New(), first.Slug);

        Assert.True(await stores.Consultations.TryAddAsync(second));

        Same.Equal(second, await stores.Consultations.GetBySlugAsync(second.OrganisationId, second.Slug));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_id_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Consultation(Ids.New());
        await stores.Consultations.TryAddAsync(first);
        var second = Make.Consultation(Ids.New()) with { Id = first.Id };

        Assert.False(await stores.Consultations.TryAddAsync(second));

        Same.Equal(first, await stores.Consultations.GetAsync(first.Id));
        Assert.Empty(await stores.Consultations.ListAsync(second.OrganisationId));
    }

    [ContractFact]
    public async Task UpdateAsync_stores_the_given_consultation_when_the_stored_version_is_the_expected_one()
    {
        var stores = await CreateStoresAsync();
        var consultation = Make.Consultation(Ids.New());
        await stores.Consultations.TryAddAsync(consultation);
        var changed = consultation with
        {
            Title = Make.Text("New title 🌳", "Nouveau titre 🌳"),
            Status = ConsultationStatus.Open,
            OpensAt = null,
            ClosesAt = Make.T0.AddDays(30),
            UpdatedAt = Make.T0.AddHours(3),
            Version = 2,
        };

        Assert.True(await stores.Consultations.UpdateAsync(changed, expectedVersion: 1));

        Same.Equal(changed, await stores.Consultations.GetAsync(consultation.Id));
        var next = changed with { Status = ConsultationStatus.Closed, Version = 3 };
        Assert.True(await stores.Consultations.UpdateAsync(next, expectedVersion: 2));
        Same.Equal(next, await stores.Consultations.GetAsync(consultation.Id));
    }

    [ContractFact]
    public async Task UpdateAsync_returns_false_and_changes_nothing_when_the_version_differs()
    {
        var stores = await CreateStoresAsync();
        var consultation = Make.Consultation(Ids.New());
        await stores.Consultations.TryAddAsync(consultation);
        var changed = consultation with { Title = Make.Text("Lost", "Perdu"), Status = ConsultationStatus.Open, Version = 3 };

        Assert.False(await stores.Consultations.UpdateAsync(changed, expectedVersion: 2));

        Same.Equal(consultation, await stores.Consultations.GetAsync(consultation.Id));
        Assert.Empty(await stores.Consultations.ListAsync(consultation.OrganisationId, ConsultationStatus.Open));
    }

    [ContractFact]
    public async Task UpdateAsync_refuses_the_second_of_two_changes_made_from_the_same_version()
    {
        var stores = await CreateStoresAsync();
        var consultation = Make.Consultation(Ids.New());
        await stores.Consultations.TryAddAsync(consultation);
        var mine = consultation with { Title = Make.Text("Mine", "La mienne"), Version = 2 };
        var theirs = consultation with { Title = Make.Text("Theirs", "La leur"), Version = 2 };

        Assert.True(await stores.Consultations.UpdateAsync(mine, 1));
        Assert.False(await stores.Consultations.UpdateAsync(theirs, 1));

        Same.Equal(mine, await stores.Consultations.GetAsync(consultation.Id));
    }

    [ContractFact]
    public async Task UpdateAsync_lets_exactly_one_of_many_concurrent_changes_from_the_same_version_win()
    {
        var stores = await CreateStoresAsync();
        var consultation = Make.Consultation(Ids.New());
        await stores.Consultations.TryAddAsync(consultation);
        var attempts = Enumerable.Range(0, 20)
            .Select(i => consultation with { Title = Make.Text($"Edit {i}", $"Modif {i}"), Version = 2 })
            .ToArray();

        var results = await Task.WhenAll(attempts.Select(a => Task.Run(() => stores.Consultations.UpdateAsync(a, 1))));

        Assert.Single(results, r => r);
        Same.Equal(attempts[Array.IndexOf(results, true)], await stores.Consultations.GetAsync(consultation.Id));
    }

    [ContractFact]
    public async Task UpdateAsync_returns_false_and_creates_nothing_when_the_id_is_unknown()
    {
        var stores = await CreateStoresAsync();
        var consultation = Make.Consultation(Ids.New()) with { Version = 2 };

        Assert.False(await stores.Consultations.UpdateAsync(consultation, 1));

        Assert.Null(await stores.Consultations.GetAsync(consultation.Id));
    }

    [ContractFact]
    public async Task UpdateAsync_never_changes_id_organisation_slug_or_creation_time()
    {
        var stores = await CreateStoresAsync();
        var consultation = Make.Consultation(Ids.New());
        await stores.Consultations.TryAddAsync(consultation);
        var tampered = consultation with
        {
            OrganisationId = Ids.New(),
            Slug = Make.Slug(),
            CreatedAt = Make.T0.AddYears(-1),
            Title = Make.Text("Changed", "Modifié"),
            Version = 2,
        };

        Assert.True(await stores.Consultations.UpdateAsync(tampered, 1));

        var expected = tampered with { OrganisationId = consultation.OrganisationId, Slug = consultation.Slug, CreatedAt = consultation.CreatedAt };
        Same.Equal(expected, await stores.Consultations.GetAsync(consultation.Id));
        Same.Equal(expected, await stores.Consultations.GetBySlugAsync(consultation.OrganisationId, consultation.Slug));
        Assert.Null(await stores.Consultations.GetBySlugAsync(tampered.OrganisationId, tampered.Slug));
        Assert.Empty(await stores.Consultations.ListAsync(tampered.OrganisationId));
    }

    [ContractFact]
    public async Task UpdateAsync_moves_the_consultation_between_the_status_lists()
    {
        var stores = await CreateStoresAsync();
        var consultation = Make.Consultation(Ids.New());
        await stores.Consultations.TryAddAsync(consultation);

        await stores.Consultations.UpdateAsync(consultation with { Status = ConsultationStatus.Closed, Version = 2 }, 1);

        Assert.Empty(await stores.Consultations.ListAsync(consultation.OrganisationId, ConsultationStatus.Draft));
        Assert.Single(await stores.Consultations.ListAsync(consultation.OrganisationId, ConsultationStatus.Closed));
    }

    [ContractFact]
    public async Task GetAsync_returns_null_when_there_is_no_consultation_with_the_id()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Consultations.GetAsync(Ids.New()));
    }

    [ContractFact]
    public async Task GetBySlugAsync_returns_the_organisations_consultation_with_that_slug()
    {
        var stores = await CreateStoresAsync();
        var consultation = Make.Consultation(Ids.New());
        await stores.Consultations.TryAddAsync(consultation);

        Same.Equal(consultation, await stores.Consultations.GetBySlugAsync(consultation.OrganisationId, consultation.Slug));
    }

    [ContractFact]
    public async Task GetBySlugAsync_returns_null_for_a_slug_used_only_by_another_organisation()
    {
        var stores = await CreateStoresAsync();
        var consultation = Make.Consultation(Ids.New());
        await stores.Consultations.TryAddAsync(consultation);

        Assert.Null(await stores.Consultations.GetBySlugAsync(Ids.New(), consultation.Slug));
        Assert.Null(await stores.Consultations.GetBySlugAsync(consultation.OrganisationId, Make.Slug()));
    }

    [ContractFact]
    public async Task ListAsync_returns_the_organisations_consultations_newest_first()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var old = Make.Consultation(organisationId, createdAt: Make.T0);
        var newest = Make.Consultation(organisationId, createdAt: Make.T0.AddDays(2));
        var middle = Make.Consultation(organisationId, createdAt: Make.T0.AddDays(1));
        foreach (var consultation in new[] { old, newest, middle, Make.Consultation(Ids.New()) })
            await stores.Consultations.TryAddAsync(consultation);

        Same.Sequence([newest, middle, old], await stores.Consultations.ListAsync(organisationId));
    }

    [ContractFact]
    public async Task ListAsync_orders_equal_creation_times_by_id_descending()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var same = Enumerable.Range(0, 5).Select(_ => Make.Consultation(organisationId, createdAt: Make.T0)).ToArray();
        foreach (var consultation in same)
            await stores.Consultations.TryAddAsync(consultation);

        Same.Sequence(same.OrderByDescending(c => c.Id, StringComparer.Ordinal), await stores.Consultations.ListAsync(organisationId));
    }

    [ContractFact]
    public async Task ListAsync_orders_by_the_instant_not_by_the_local_clock_time()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        // 10:00 at UTC+2 is 08:00 UTC, earlier than 09:00 UTC despite the larger clock reading.
        var earlier = Make.Consultation(organisationId, createdAt: new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        var later = Make.Consultation(organisationId, createdAt: new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero));
        await stores.Consultations.TryAddAsync(earlier);
        await stores.Consultations.TryAddAsync(later);

        Same.Sequence([later, earlier], await stores.Consultations.ListAsync(organisationId));
    }

    [ContractFact]
    public async Task ListAsync_returns_only_the_consultations_in_the_status_asked_for()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var draft = Make.Consultation(organisationId, createdAt: Make.T0);
        var open1 = Make.Consultation(organisationId, createdAt: Make.T0.AddHours(1), status: ConsultationStatus.Open);
        var open2 = Make.Consultation(organisationId, createdAt: Make.T0.AddHours(2), status: ConsultationStatus.Open);
        foreach (var consultation in new[] { draft, open1, open2 })
            await stores.Consultations.TryAddAsync(consultation);

        Same.Sequence([open2, open1], await stores.Consultations.ListAsync(organisationId, ConsultationStatus.Open));
        Same.Sequence([draft], await stores.Consultations.ListAsync(organisationId, ConsultationStatus.Draft));
        Assert.Empty(await stores.Consultations.ListAsync(organisationId, ConsultationStatus.OutcomePublished));
        Assert.Equal(3, (await stores.Consultations.ListAsync(organisationId, status: null)).Count);
    }

    [ContractFact]
    public async Task ListAsync_returns_empty_for_an_unknown_organisation()
    {
        var stores = await CreateStoresAsync();

        Assert.Empty(await stores.Consultations.ListAsync(Ids.New()));
    }
}
