using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Participants;

namespace Engagement.Core.Surveys;

/// <summary>Records a participant's one response to an open survey, after checking every answer against the questions.</summary>
public sealed class SubmitSurveyResponse(
    ISurveyStore surveys, ISurveyResponseStore responses, IParticipantStore participants, SupportedLanguages languages, TimeProvider clock,
    ILiveNotifier live) : IUseCase
{
    public sealed record Request(string SurveyId, string ParticipantId, string Language, IReadOnlyDictionary<string, Answer> Answers);

    public async Task<Result<SurveyResponse>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var survey = await surveys.GetAsync(request.SurveyId, ct);
        if (survey is null)
            return Result<SurveyResponse>.Fail("surveyId", ErrorCodes.NotFound, "There is no such survey.");
        if (survey.Status != SurveyStatus.Open)
            return Result<SurveyResponse>.Fail("surveyId", ErrorCodes.InvalidState, "This survey is not open for responses.");

        var answers = request.Answers ?? new Dictionary<string, Answer>();
        var v = new Validator();
        v.Language("language", request.Language, languages);
        SurveyResponseRules.Validate(v, survey, answers);
        if (v.HasErrors)
            return Result<SurveyResponse>.Fail(v.Errors);
        if (await ParticipationRules.CheckAsync(participants, request.ParticipantId, survey.IdentityPolicy, ct) is { } refused)
            return Result<SurveyResponse>.Fail([refused]);

        // Blank optional answers are dropped so they count neither as answered nor in any tally.
        var visible = SurveyResponseRules.VisibleQuestions(survey, answers);
        var kept = answers
            .Where(a => visible.Contains(a.Key) && !SurveyResponseRules.IsBlank(a.Value))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var response = new SurveyResponse
        {
            Id = Ids.New(),
            SurveyId = survey.Id,
            OrganisationId = survey.OrganisationId,
            ParticipantId = request.ParticipantId,
            Language = request.Language,
            Answers = kept,
            SubmittedAt = clock.GetUtcNow(),
        };
        if (!await responses.TryAddAsync(response, ct))
            return Result<SurveyResponse>.Fail("participantId", ErrorCodes.Duplicate, "You have already answered this survey.");
        live.Changed(LiveTopic.Survey(survey.Id));
        return response;
    }
}
