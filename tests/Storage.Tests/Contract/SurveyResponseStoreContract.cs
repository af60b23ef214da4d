using Engagement.Core.Common;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="ISurveyResponseStore"/> every adapter honours, tallies included.</summary>
public abstract class SurveyResponseStoreContract : StoreContract
{
    [ContractFact]
    public async Task TryAddAsync_stores_a_response_that_GetByParticipantAsync_returns_with_every_answer()
    {
        var stores = await CreateStoresAsync();
        var response = Make.Response(Ids.New(), Ids.New());

        Assert.True(await stores.SurveyResponses.TryAddAsync(response));

        Same.Equal(response, await stores.SurveyResponses.GetByParticipantAsync(response.SurveyId, response.ParticipantId));
    }

    [ContractFact]
    public async Task TryAddAsync_round_trips_a_response_without_answers()
    {
        var stores = await CreateStoresAsync();
        var response = Make.Response(Ids.New(), Ids.New()) with { Answers = new Dictionary<string, Answer>() };

        await stores.SurveyResponses.TryAddAsync(response);

        Same.Equal(response, await stores.SurveyResponses.GetByParticipantAsync(response.SurveyId, response.ParticipantId));
    }

    [ContractFact]
    public async Task TryAddAsync_applies_the_response_tally_in_the_same_commit()
    {
        var stores = await CreateStoresAsync();
        var surveyId = Ids.New();
        await stores.SurveyResponses.TryAddAsync(Make.Response(Ids.New(), surveyId));
        await stores.SurveyResponses.TryAddAsync(Make.Response(Ids.New(), surveyId) with
        {
            Answers = new Dictionary<string, Answer> { ["colour"] = Answer.Choice("blue"), ["score"] = Answer.Of(4), ["ok"] = Answer.Of(false) },
        });

        var tally = await stores.Tallies.GetAsync(TallyScopes.Survey(surveyId));

        Assert.Equal(2, tally[SurveyTallies.Responses]);
        Assert.Equal(2, tally["q.colour"]);
        Assert.Equal(1, tally["q.colour.red"]);
        Assert.Equal(1, tally["q.colour.blue"]);
        Assert.Equal(1, tally["q.topics"]);
        Assert.Equal(1, tally["q.topics.a"]);
        Assert.Equal(1, tally["q.topics.b"]);
        Assert.Equal(2, tally["q.score.4"]);
        Assert.Equal(1, tally["q.nps.0"]);
        Assert.Equal(1, tally["q.ok.yes"]);
        Assert.Equal(1, tally["q.ok.no"]);
        Assert.Equal(1, tally["q.note"]);
        Assert.DoesNotContain(tally.Counts, c => c.Key.StartsWith("q.note.", StringComparison.Ordinal) && c.Value != 0);
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_moves_no_tally_when_the_participant_already_responded()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Response(Ids.New(), Ids.New());
        await stores.SurveyResponses.TryAddAsync(first);
        var second = Make.Response(first.OrganisationId, first.SurveyId, first.ParticipantId) with
        {
            Answers = new Dictionary<string, Answer> { ["colour"] = Answer.Choice("blue") },
        };

        Assert.False(await stores.SurveyResponses.TryAddAsync(second));

        Same.Equal(first, await stores.SurveyResponses.GetByParticipantAsync(first.SurveyId, first.ParticipantId));
        var tally = await stores.Tallies.GetAsync(TallyScopes.Survey(first.SurveyId));
        Assert.Equal(1, tally[SurveyTallies.Responses]);
        Assert.Equal(0, tally["q.colour.blue"]);
        Assert.Single((await stores.SurveyResponses.ListAsync(first.SurveyId, PageRequest.First(10))).Items);
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_moves_no_tally_when_the_id_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Response(Ids.New(), Ids.New());
        await stores.SurveyResponses.TryAddAsync(first);
        var second = Make.Response(Ids.New(), Ids.New()) with { Id = first.Id };

        Assert.False(await stores.SurveyResponses.TryAddAsync(second));

        Assert.Null(await stores.SurveyResponses.GetByParticipantAsync(second.SurveyId, second.ParticipantId));
        Assert.Equal(0, (await stores.Tallies.GetAsync(TallyScopes.Survey(second.SurveyId)))[SurveyTallies.Responses]);
        Assert.Equal(1, (await stores.Tallies.GetAsync(TallyScopes.Survey(first.SurveyId)))[SurveyTallies.Responses]);
    }

    [ContractFact]
    public async Task TryAddAsync_accepts_exactly_one_of_many_concurrent_responses_from_one_participant()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, surveyId, participantId) = (Ids.New(), Ids.New(), Ids.New());
        var attempts = Enumerable.Range(0, 20).Select(_ => Make.Response(organisationId, surveyId, participantId)).ToArray();

        var results = await Task.WhenAll(attempts.Select(r => Task.Run(() => stores.SurveyResponses.TryAddAsync(r))));

        Assert.Single(results, r => r);
        Same.Equal(attempts[Array.IndexOf(results, true)], await stores.SurveyResponses.GetByParticipantAsync(surveyId, participantId));
        var tally = await stores.Tallies.GetAsync(TallyScopes.Survey(surveyId));
        Assert.Equal(1, tally[SurveyTallies.Responses]);
        Assert.Equal(1, tally["q.colour.red"]);
    }

    [ContractFact]
    public async Task TryAddAsync_lets_a_participant_answer_several_surveys()
    {
        var stores = await CreateStoresAsync();
        var participantId = Ids.New();
        var first = Make.Response(Ids.New(), Ids.New(), participantId);
        var second = Make.Response(first.OrganisationId, Ids.New(), participantId);

        Assert.True(await stores.SurveyResponses.TryAddAsync(first));
        Assert.True(await stores.SurveyResponses.TryAddAsync(second));

        Same.Equal(second, await stores.SurveyResponses.GetByParticipantAsync(second.SurveyId, participantId));
    }

    [ContractFact]
    public async Task GetByParticipantAsync_returns_null_when_the_participant_has_not_responded()
    {
        var stores = await CreateStoresAsync();
        var response = Make.Response(Ids.New(), Ids.New());
        await stores.SurveyResponses.TryAddAsync(response);

        Assert.Null(await stores.SurveyResponses.GetByParticipantAsync(response.SurveyId, Ids.New()));
        Assert.Null(await stores.SurveyResponses.GetByParticipantAsync(Ids.New(), response.ParticipantId));
    }

    [ContractFact]
    public async Task ListAsync_pages_through_the_surveys_responses_oldest_first_by_submission_time_and_id()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, surveyId) = (Ids.New(), Ids.New());
        var responses = Enumerable.Range(0, 5).Select(_ => Make.Response(organisationId, surveyId, submittedAt: Make.T0))
            .Concat(Enumerable.Range(1, 3).Select(i => Make.Response(organisationId, surveyId, submittedAt: Make.T0.AddTicks(-i))))
            .ToArray();
        foreach (var response in responses.Append(Make.Response(organisationId, Ids.New())))
            await stores.SurveyResponses.TryAddAsync(response);

        var seen = new List<SurveyResponse>();
        var page = await stores.SurveyResponses.ListAsync(surveyId, PageRequest.First(3));
        seen.AddRange(page.Items);
        while (page.Next is { } next)
        {
            page = await stores.SurveyResponses.ListAsync(surveyId, new PageRequest(next, 3));
            seen.AddRange(page.Items);
        }

        Same.Sequence(responses.InPageOrder(r => r.SubmittedAt, r => r.Id), seen);
    }

    [ContractFact]
    public async Task ListAsync_returns_an_empty_last_page_for_a_survey_without_responses()
    {
        var stores = await CreateStoresAsync();

        var page = await stores.SurveyResponses.ListAsync(Ids.New(), PageRequest.First(10));

        Assert.Empty(page.Items);
        Assert.Null(page.Next);
    }
}
