using Engagement.Core.Common;
using Engagement.Core.Surveys;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="ISurveyStore"/> every adapter honours.</summary>
public abstract class SurveyStoreContract : StoreContract
{
    [ContractFact]
    public async Task TryAddAsync_stores_a_survey_and_its_questions_that_GetAsync_returns_with_every_field()
    {
        var stores = await CreateStoresAsync();
        var survey = Make.Survey(Ids.New());

        Assert.True(await stores.Surveys.TryAddAsync(survey));

        Same.Equal(survey, await stores.Surveys.GetAsync(survey.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_round_trips_a_survey_without_consultation_description_or_questions()
    {
        var stores = await CreateStoresAsync();
        var survey = Make.Survey(Ids.New()) with { ConsultationId = null, Description = LocalizedText.Empty, Questions = [] };

        await stores.Surveys.TryAddAsync(survey);

        Same.Equal(survey, await stores.Surveys.GetAsync(survey.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_organisation_already_has_the_slug()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Survey(Ids.New());
        await stores.Surveys.TryAddAsync(first);
        var second = Make.Survey(first.OrganisationId, first.Slug);

        Assert.False(await stores.Surveys.TryAddAsync(second));

        Assert.Null(await stores.Surveys.GetAsync(second.Id));
        Same.Equal(first, await stores.Surveys.GetBySlugAsync(first.OrganisationId, first.Slug));
    }

    [ContractFact]
    public async Task TryAddAsync_accepts_a_slug_already_used_in_another_organisation()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Survey(Ids.New());
        await stores.Surveys.TryAddAsync(first);
        var second = Make.Survey(Ids.New(), first.Slug);

        Assert.True(await stores.Surveys.TryAddAsync(second));

        Same.Equal(second, await stores.Surveys.GetBySlugAsync(second.OrganisationId, second.Slug));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_id_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Survey(Ids.New());
        await stores.Surveys.TryAddAsync(first);
        var second = Make.Survey(Ids.New()) with { Id = first.Id };

        Assert.False(await stores.Surveys.TryAddAsync(second));

        Same.Equal(first, await stores.Surveys.GetAsync(first.Id));
        Assert.Empty(await stores.Surveys.ListAsync(second.OrganisationId));
    }

    [ContractFact]
    public async Task UpdateAsync_replaces_the_survey_when_the_stored_version_is_the_expected_one()
    {
        var stores = await CreateStoresAsync();
        var survey = Make.Survey(Ids.New());
        await stores.Surveys.TryAddAsync(survey);
        var changed = survey with
        {
            Title = Make.Text("Renamed ✨", "Renommé ✨"),
            Questions = [survey.Questions[0] with { Required = false }],
            Status = SurveyStatus.Open,
            UpdatedAt = Make.T0.AddDays(1),
            Version = 2,
        };

        Assert.True(await stores.Surveys.UpdateAsync(changed, expectedVersion: 1));

        Same.Equal(changed, await stores.Surveys.GetAsync(survey.Id));
        var next = changed with { Status = SurveyStatus.Closed, Version = 3 };
        Assert.True(await stores.Surveys.UpdateAsync(next, expectedVersion: 2));
        Same.Equal(next, await stores.Surveys.GetAsync(survey.Id));
    }

    [ContractFact]
    public async Task UpdateAsync_returns_false_and_changes_nothing_when_the_version_differs()
    {
        var stores = await CreateStoresAsync();
        var survey = Make.Survey(Ids.New());
        await stores.Surveys.TryAddAsync(survey);

        Assert.False(await stores.Surveys.UpdateAsync(survey with { Status = SurveyStatus.Open, Questions = [], Version = 6 }, expectedVersion: 5));

        Same.Equal(survey, await stores.Surveys.GetAsync(survey.Id));
        Assert.Empty(await stores.Surveys.ListAsync(survey.OrganisationId, SurveyStatus.Open));
    }

    [ContractFact]
    public async Task UpdateAsync_refuses_the_second_of_two_changes_made_from_the_same_version()
    {
        var stores = await CreateStoresAsync();
        var survey = Make.Survey(Ids.New());
        await stores.Surveys.TryAddAsync(survey);
        var mine = survey with { Status = SurveyStatus.Open, Version = 2 };

        Assert.True(await stores.Surveys.UpdateAsync(mine, 1));
        Assert.False(await stores.Surveys.UpdateAsync(survey with { Questions = [], Version = 2 }, 1));

        Same.Equal(mine, await stores.Surveys.GetAsync(survey.Id));
    }

    [ContractFact]
    public async Task UpdateAsync_returns_false_and_creates_nothing_when_the_id_is_unknown()
    {
        var stores = await CreateStoresAsync();
        var survey = Make.Survey(Ids.New()) with { Version = 2 };

        Assert.False(await stores.Surveys.UpdateAsync(survey, 1));

        Assert.Null(await stores.Surveys.GetAsync(survey.Id));
    }

    [ContractFact]
    public async Task UpdateAsync_never_changes_id_organisation_slug_or_creation_time()
    {
        var stores = await CreateStoresAsync();
        var survey = Make.Survey(Ids.New());
        await stores.Surveys.TryAddAsync(survey);
        var tampered = survey with { OrganisationId = Ids.New(), Slug = Make.Slug(), CreatedAt = Make.T0.AddDays(-9), Version = 2 };

        Assert.True(await stores.Surveys.UpdateAsync(tampered, 1));

        var expected = tampered with { OrganisationId = survey.OrganisationId, Slug = survey.Slug, CreatedAt = survey.CreatedAt };
        Same.Equal(expected, await stores.Surveys.GetAsync(survey.Id));
        Same.Equal(expected, await stores.Surveys.GetBySlugAsync(survey.OrganisationId, survey.Slug));
        Assert.Null(await stores.Surveys.GetBySlugAsync(tampered.OrganisationId, tampered.Slug));
        Assert.Empty(await stores.Surveys.ListAsync(tampered.OrganisationId));
    }

    [ContractFact]
    public async Task GetAsync_returns_null_when_there_is_no_survey_with_the_id()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Surveys.GetAsync(Ids.New()));
    }

    [ContractFact]
    public async Task GetBySlugAsync_returns_the_organisations_survey_with_that_slug_or_null()
    {
        var stores = await CreateStoresAsync();
        var survey = Make.Survey(Ids.New());
        await stores.Surveys.TryAddAsync(survey);

        Same.Equal(survey, await stores.Surveys.GetBySlugAsync(survey.OrganisationId, survey.Slug));
        Assert.Null(await stores.Surveys.GetBySlugAsync(Ids.New(), survey.Slug));
        Assert.Null(await stores.Surveys.GetBySlugAsync(survey.OrganisationId, Make.Slug()));
    }

    [ContractFact]
    public async Task ListByConsultationAsync_returns_the_consultations_surveys_oldest_first_then_by_id()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, consultationId) = (Ids.New(), Ids.New());
        Survey Attached(DateTimeOffset createdAt) => Make.Survey(organisationId, createdAt: createdAt) with { ConsultationId = consultationId };
        var old = Attached(Make.T0);
        // Later as an instant although earlier on the clock face: order is by instant, not local time.
        var newest = Attached(Make.T0.AddHours(2).ToOffset(TimeSpan.FromHours(-12)));
        var twins = Enumerable.Range(0, 3).Select(_ => Attached(Make.T0.AddHours(1))).ToArray();
        var unattached = Make.Survey(organisationId) with { ConsultationId = null };
        var elsewhere = Make.Survey(organisationId);
        foreach (var survey in twins.Append(newest).Append(unattached).Append(old).Append(elsewhere))
            await stores.Surveys.TryAddAsync(survey);

        var listed = await stores.Surveys.ListByConsultationAsync(consultationId);

        Same.Sequence(new[] { old }.Concat(twins.OrderBy(s => s.Id, StringComparer.Ordinal)).Append(newest), listed);
    }

    [ContractFact]
    public async Task ListByConsultationAsync_returns_surveys_in_every_status()
    {
        var stores = await CreateStoresAsync();
        var consultationId = Ids.New();
        var surveys = new[] { SurveyStatus.Draft, SurveyStatus.Open, SurveyStatus.Closed }
            .Select((status, i) => Make.Survey(Ids.New(), createdAt: Make.T0.AddMinutes(i), status: status) with { ConsultationId = consultationId })
            .ToArray();
        foreach (var survey in surveys)
            await stores.Surveys.TryAddAsync(survey);

        Same.Sequence(surveys, await stores.Surveys.ListByConsultationAsync(consultationId));
    }

    [ContractFact]
    public async Task ListByConsultationAsync_follows_a_survey_moved_to_another_consultation_by_UpdateAsync()
    {
        var stores = await CreateStoresAsync();
        var survey = Make.Survey(Ids.New());
        await stores.Surveys.TryAddAsync(survey);
        var moved = survey with { ConsultationId = Ids.New(), Version = 2 };

        Assert.True(await stores.Surveys.UpdateAsync(moved, 1));

        Assert.Empty(await stores.Surveys.ListByConsultationAsync(survey.ConsultationId!));
        Same.Sequence([moved], await stores.Surveys.ListByConsultationAsync(moved.ConsultationId!));
        var detached = moved with { ConsultationId = null, Version = 3 };
        Assert.True(await stores.Surveys.UpdateAsync(detached, 2));
        Assert.Empty(await stores.Surveys.ListByConsultationAsync(moved.ConsultationId!));
    }

    [ContractFact]
    public async Task ListByConsultationAsync_is_not_changed_by_a_refused_update()
    {
        var stores = await CreateStoresAsync();
        var survey = Make.Survey(Ids.New());
        await stores.Surveys.TryAddAsync(survey);

        Assert.False(await stores.Surveys.UpdateAsync(survey with { ConsultationId = Ids.New(), Version = 9 }, expectedVersion: 8));

        Same.Sequence([survey], await stores.Surveys.ListByConsultationAsync(survey.ConsultationId!));
    }

    [ContractFact]
    public async Task ListByConsultationAsync_returns_empty_for_an_unknown_consultation()
    {
        var stores = await CreateStoresAsync();

        Assert.Empty(await stores.Surveys.ListByConsultationAsync(Ids.New()));
    }

    [ContractFact]
    public async Task ListAsync_returns_the_organisations_surveys_newest_first_then_by_id_descending()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var old = Make.Survey(organisationId, createdAt: Make.T0);
        var newest = Make.Survey(organisationId, createdAt: Make.T0.AddDays(1));
        var twins = Enumerable.Range(0, 3).Select(_ => Make.Survey(organisationId, createdAt: Make.T0.AddHours(1))).ToArray();
        foreach (var survey in twins.Append(old).Append(newest).Append(Make.Survey(Ids.New())))
            await stores.Surveys.TryAddAsync(survey);

        var listed = await stores.Surveys.ListAsync(organisationId);

        Same.Sequence(new[] { newest }.Concat(twins.OrderByDescending(s => s.Id, StringComparer.Ordinal)).Append(old), listed);
    }

    [ContractFact]
    public async Task ListAsync_returns_only_the_surveys_in_the_status_asked_for()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var draft = Make.Survey(organisationId, createdAt: Make.T0);
        var open = Make.Survey(organisationId, createdAt: Make.T0.AddHours(1), status: SurveyStatus.Open);
        await stores.Surveys.TryAddAsync(draft);
        await stores.Surveys.TryAddAsync(open);

        Same.Sequence([open], await stores.Surveys.ListAsync(organisationId, SurveyStatus.Open));
        Same.Sequence([draft], await stores.Surveys.ListAsync(organisationId, SurveyStatus.Draft));
        Assert.Empty(await stores.Surveys.ListAsync(organisationId, SurveyStatus.Closed));
        Same.Sequence([open, draft], await stores.Surveys.ListAsync(organisationId));
    }

    [ContractFact]
    public async Task ListAsync_returns_empty_for_an_unknown_organisation()
    {
        var stores = await CreateStoresAsync();

        Assert.Empty(await stores.Surveys.ListAsync(Ids.New()));
    }
}
