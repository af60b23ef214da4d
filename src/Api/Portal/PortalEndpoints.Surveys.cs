using Engagement.Api.Composition;
using Engagement.Core.Common;
using Engagement.Core.Surveys;
using Engagement.Web.Portal;

namespace Engagement.Api.Portal;

// A survey's page: every question on one page, show-if rules applied by script as the person answers (and by the server
// on submission, which ignores answers to questions the rules hide, so the form works without script).
internal static partial class PortalEndpoints
{
    private const int SurveyBodyBytes = 256 * 1024;

    private static readonly Microsoft.AspNetCore.Http.Features.FormOptions SurveyFormLimits = new()
    {
        ValueCountLimit = 1_000, KeyLengthLimit = 128, ValueLengthLimit = 64 * 1024, BufferBody = false,
    };

    private static async Task<IResult> SurveyAsync(string lang, string id, HttpContext http, ISurveyStore surveys)
    {
        var language = HostedPages.TextLanguage(lang);
        var survey = await surveys.GetAsync(id, http.RequestAborted);
        if (survey is null || survey.Status == SurveyStatus.Draft)
            return ErrorPage(http, lang, StatusCodes.Status404NotFound);
        var model = SurveyModel(survey, language, new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>());
        return HostedPages.Render<SurveyPage>(http, http.Request.Query["submitted"] == "1" ? model with { Submitted = true }
            : survey.Status == SurveyStatus.Open ? model : model with { FormError = PortalTexts.Get("survey-closed", language) }, live: true);
    }

    private static async Task<IResult> SubmitSurveyAsync(
        string lang, string id, HttpContext http, IServiceProvider services, Settings.EngagementSettings settings, ISurveyStore surveys, SubmitSurveyResponse submit)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!Auth.CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        var survey = await surveys.GetAsync(id, http.RequestAborted);
        if (survey is null || survey.Status == SurveyStatus.Draft)
            return ErrorPage(http, lang, StatusCodes.Status404NotFound);
        var form = await HostedPages.ReadFormAsync(http, SurveyBodyBytes, SurveyFormLimits);
        var posted = survey.Questions.ToDictionary(q => q.Id, q => (IReadOnlyList<string>)(form is null ? [] : [.. form[$"q-{q.Id}"].Select(v => v ?? "")]), StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? formError = form is null ? PortalTexts.Get("error-form", language) : null;
        if (form is not null)
        {
            var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
            foreach (var q in survey.Questions)
            {
                if (AnswerOf(q, posted[q.Id]) is var (answer, ok) && !ok)
                    errors[q.Id] = PortalTexts.Get("answer-invalid", language);
                else if (answer is not null)
                    answers[q.Id] = answer;
            }
            // What a page without script posts for questions its rules hide is dropped, as script would have.
            var visible = SurveyResponseRules.VisibleQuestions(survey, answers);
            foreach (var hidden in answers.Keys.Where(k => !visible.Contains(k)).ToList())
                answers.Remove(hidden);
            if (errors.Count == 0)
            {
                // Answers refused for what they say make no participant: only a response that may be kept is worth a row and a cookie.
                var request = new SubmitSurveyResponse.Request(survey.Id, "", language, answers);
                var result = submit.CheckInput(survey, request) is { Count: > 0 } faults
                    ? Result<SurveyResponse>.Fail(faults)
                    : await submit.ExecuteAsync(request with { ParticipantId = await ParticipantIdAsync(http, services) }, http.RequestAborted);
                if (result.Succeeded)
                    return HostedPages.SeeOther(http, $"/{language}/surveys/{Uri.EscapeDataString(survey.Id)}?submitted=1");
                foreach (var error in result.Errors)
                {
                    if (error.Field.StartsWith("answers.", StringComparison.Ordinal))
                    {
                        errors.TryAdd(error.Field["answers.".Length..], PortalTexts.Get(error.Code switch
                        {
                            ErrorCodes.Required => "answer-required",
                            ErrorCodes.TooLong => "answer-too-long",
                            ErrorCodes.Rejected => "answer-rejected",
                            _ => "answer-invalid",
                        }, language));
                    }
                    else
                    {
                        formError ??= PortalTexts.Get(error.Code switch
                        {
                            ErrorCodes.Duplicate => "already-answered",
                            ErrorCodes.InvalidState => "survey-closed",
                            ErrorCodes.Forbidden => "error-verify",
                            _ => "error-form",
                        }, language);
                    }
                }
            }
        }
        var model = SurveyModel(survey, language, posted, errors) with { FormError = formError };
        return HostedPages.Render<SurveyPage>(http, model with { Page = WithProblem(model.Page) },
            HostedPages.FormProblemStatus(http), live: true);
    }

    /// <summary>The answer a question's posted values make; ok is false when they cannot be an answer to it (a made-up value).</summary>
    private static (Answer? Answer, bool Ok) AnswerOf(Question q, IReadOnlyList<string> values)
    {
        var given = values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (given.Count == 0)
            return (null, true);
        switch (q.Type)
        {
            case QuestionType.MultipleChoice:
                return (Answer.Choice([.. given]), true);
            case QuestionType.SingleChoice:
                return given.Count == 1 ? (Answer.Choice(given[0]), true) : (null, false);
            case QuestionType.Rating or QuestionType.Nps:
                return given.Count == 1 && int.TryParse(given[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    ? (Answer.Of(n), true) : (null, false);
            case QuestionType.YesNo:
                return given is ["yes"] ? (Answer.Of(true), true) : given is ["no"] ? (Answer.Of(false), true) : (null, false);
            default:
                return given.Count == 1 ? (Answer.OfText(given[0]), true) : (null, false);
        }
    }

    private static SurveyPageModel SurveyModel(Survey survey, string language, IReadOnlyDictionary<string, IReadOnlyList<string>> values, IReadOnlyDictionary<string, string> errors)
    {
        var title = survey.Title.In(language) ?? "";
        var questions = survey.Questions.Select(q => new SurveyQuestionView(q.Id, ControlOf(q.Type), q.Prompt.In(language) ?? "", q.Required, ChoicesOf(q, language))
        {
            ShowIfQuestion = q.ShowIf?.QuestionId,
            ShowIfOperator = q.ShowIf?.Operator.ToString(),
            ShowIfValue = q.ShowIf?.Value,
            Values = values.TryGetValue(q.Id, out var v) ? v : [],
            Error = errors.GetValueOrDefault(q.Id),
        }).ToList();
        return new SurveyPageModel(Page(language, title, $"/surveys/{Uri.EscapeDataString(survey.Id)}") with { Script = true },
            title, survey.Description.In(language) ?? "", $"/{language}/surveys/{Uri.EscapeDataString(survey.Id)}", questions);
    }

    private static string ControlOf(QuestionType type) => type switch
    {
        QuestionType.MultipleChoice => "checkbox",
        QuestionType.ShortText => "text",
        QuestionType.LongText => "textarea",
        _ => "radio",
    };

    private static IReadOnlyList<SurveyChoice> ChoicesOf(Question q, string language) => q.Type switch
    {
        QuestionType.SingleChoice or QuestionType.MultipleChoice => [.. q.Options.Select(o => new SurveyChoice(o.Id, o.Label.In(language) ?? o.Id))],
        QuestionType.Rating => [.. Enumerable.Range(1, 5).Select(n => new SurveyChoice(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
        QuestionType.Nps => [.. Enumerable.Range(0, 11).Select(n => new SurveyChoice(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
        QuestionType.YesNo => [new SurveyChoice("yes", PortalTexts.Get("yes", language)), new SurveyChoice("no", PortalTexts.Get("no", language))],
        _ => [],
    };
}
