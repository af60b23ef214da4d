using Engagement.Core.Common;
using Engagement.Core.FollowUps;
using Engagement.Core.Live;
using Engagement.Core.Moderation;
using Engagement.Core.Participants;
using Engagement.Core.Screening;

namespace Engagement.Core.Surveys;

/// <summary>Records a participant's one response to an open survey, after checking every answer against the questions.</summary>
public sealed class SubmitSurveyResponse(
    ISurveyStore surveys, ISurveyResponseStore responses, IParticipantStore participants, SupportedLanguages languages, TimeProvider clock,
    ITextScreening screening, ModerationQueue queue, FollowUpOptIn followUp, ILiveNotifier live) : IUseCase
{
    /// <summary>A response; <paramref name="FollowUpEmail"/>, when given, is where to say what its written answers led to.</summary>
    public sealed record Request(string SurveyId, string ParticipantId, string Language, IReadOnlyDictionary<string, Answer> Answers, string? FollowUpEmail = null);

    /// <summary>
    /// What the request's own content breaks (language, answers against the survey's questions, follow-up address),
    /// before anything is read or written: a page refuses such a response without making a participant for it.
    /// </summary>
    public IReadOnlyList<Error> CheckInput(Survey survey, Request request)
    {
        var v = new Validator();
        v.Language("language", request.Language, languages);
        SurveyResponseRules.Validate(v, survey, request.Answers ?? new Dictionary<string, Answer>());
        FollowUpOptIn.Validate(v, request.FollowUpEmail);
        return v.Errors;
    }

    public async Task<Result<SurveyResponse>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var survey = await surveys.GetAsync(request.SurveyId, ct);
        // A draft answers as a made-up id does: otherwise anyone could tell which draft ids exist, which every read hides.
        if (survey is null || survey.Status == SurveyStatus.Draft)
            return Result<SurveyResponse>.Fail("surveyId", ErrorCodes.NotFound, "There is no such survey.");
        if (survey.Status != SurveyStatus.Open)
            return Result<SurveyResponse>.Fail("surveyId", ErrorCodes.InvalidState, "This survey is not open for responses.");

        if (CheckInput(survey, request) is { Count: > 0 } faults)
            return Result<SurveyResponse>.Fail(faults);
        var answers = request.Answers ?? new Dictionary<string, Answer>();
        if (await ParticipationRules.CheckAsync(participants, request.ParticipantId, survey.IdentityPolicy, ct) is { } refused)
            return Result<SurveyResponse>.Fail([refused]);

        // Blank optional answers are dropped so they count neither as answered nor in any tally.
        var visible = SurveyResponseRules.VisibleQuestions(survey, answers);
        var kept = answers
            .Where(a => visible.Contains(a.Key) && !SurveyResponseRules.IsBlank(a.Value))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        // Text answers take the same screening as every public text: masked, refused, or kept and queued for a person.
        // Only the first is screened as the participant's, so one response counts once towards their posting pace.
        var held = new List<(string QuestionId, ScreeningResult Screened)>();
        var v = new Validator();
        var first = true;
        foreach (var (questionId, answer) in kept.Where(a => a.Value.Text is not null).ToList())
        {
            var screened = await screening.ScreenAsync(
                new TextToScreen(survey.OrganisationId, TextKind.SurveyAnswer, answer.Text!, request.Language, first ? request.ParticipantId : null), ct);
            first = false;
            if (screened.Outcome == ScreeningOutcome.Reject)
                v.Add($"answers.{questionId}", ErrorCodes.Rejected, "This answer cannot be accepted: it breaks the participation rules.");
            else if (screened.Outcome == ScreeningOutcome.Hold)
                held.Add((questionId, screened));
            kept[questionId] = answer with { Text = screened.Text };
        }
        if (v.HasErrors)
            return Result<SurveyResponse>.Fail(v.Errors);

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
        // Only written answers can become evidence, so only then is an address worth keeping.
        var wish = kept.Values.Any(a => a.Text is not null)
            ? await followUp.ForAsync(survey.OrganisationId, ContributionKind.SurveyResponse, response.Id, request.FollowUpEmail, request.Language, ct)
            : null;
        if (!await responses.TryAddAsync(response, wish, ct))
            return Result<SurveyResponse>.Fail("participantId", ErrorCodes.Duplicate, "You have already answered this survey.");
        foreach (var (questionId, screened) in held)
            await queue.EnqueueHeldAsync(survey.OrganisationId, TextKind.SurveyAnswer, $"{response.Id}/{questionId}", survey.ConsultationId, screened, request.Language, ct);
        live.Changed(LiveTopic.Survey(survey.Id));
        return response;
    }
}
