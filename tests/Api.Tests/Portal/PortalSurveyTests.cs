using System.Net;
using Engagement.Api.Tests.Hosting;
using Engagement.Api.Tests.Widget.Browser;
using Engagement.Core.Common;
using Engagement.Core.Surveys;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// A survey from its page: every question on one page, a show-if rule hiding a question as the person answers (script)
/// or ignored on submission (no script), errors beside the questions with the answers kept.
/// </summary>
public sealed class PortalSurveyTests(WidgetBrowserHost host) : IClassFixture<WidgetBrowserHost>
{
    private async Task<Survey> SurveyAsync()
    {
        var app = host.App;
        var org = await app.CreateOrganisationAsync();
        Question[] questions =
        [
            new() { Id = "visited", Type = QuestionType.YesNo, Prompt = LocalizedText.EnFr("Did you visit the office?", "Avez-vous visité le bureau?"), Required = true },
            new()
            {
                Id = "why-not", Type = QuestionType.ShortText, Prompt = LocalizedText.EnFr("Why not?", "Pourquoi pas?"), Required = true,
                ShowIf = new ShowIfRule("visited", ShowIfOperator.Equals, "no"),
            },
            new() { Id = "score", Type = QuestionType.Rating, Prompt = LocalizedText.EnFr("How was it overall?", "Dans l’ensemble?") },
        ];
        var draft = (await app.Get<CreateSurvey>().ExecuteAsync(new(org.Id, $"s-{Guid.NewGuid():N}"[..20], LocalizedText.EnFr("Office visits", "Visites au bureau"), questions),
            Actor.System)).Value;
        return (await app.Get<OpenSurvey>().ExecuteAsync(new(draft.Id), Actor.System)).Value;
    }

    private async Task<IReadOnlyList<SurveyResponse>> ResponsesAsync(Survey survey) =>
        (await host.App.Get<ISurveyResponseStore>().ListAsync(survey.Id, PageRequest.First(100))).Items;

    [Fact]
    public async Task Without_script_a_missing_required_answer_comes_back_beside_its_question_and_an_answer_the_rules_hide_is_ignored()
    {
        var survey = await SurveyAsync();
        // The browser host listens on a real port, so the client goes there too.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Platform };
        var path = $"/en/surveys/{survey.Id}";

        var missing = await client.PostAsync(path, new FormUrlEncodedContent([new("q-score", "4")]));
        var page = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        var sent = await client.PostAsync(path, new FormUrlEncodedContent([new("q-visited", "yes"), new("q-why-not", "ignored"), new("q-score", "4")]));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("<a href=\"#q-visited\">Did you visit the office?: Answer this question.</a>", page);
        Assert.Contains("id=\"q-score-4\" name=\"q-score\" value=\"4\" checked", page);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var response = Assert.Single(await ResponsesAsync(survey));
        Assert.Equal(["score", "visited"], response.Answers.Keys.Order());
    }

    [BrowserFact]
    public async Task A_citizen_answers_a_survey_whose_show_if_rule_hides_a_question()
    {
        var survey = await SurveyAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Platform, $"/fr/surveys/{survey.Id}").ToString());

        var whyNot = page.GetByLabel("Pourquoi pas?");
        await Expect(whyNot).ToBeHiddenAsync();
        await page.GetByLabel("Non").CheckAsync();
        await Expect(whyNot).ToBeVisibleAsync();
        await whyNot.FillAsync("Trop loin.");
        await page.GetByLabel("Oui").CheckAsync();
        await Expect(whyNot).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Dans l’ensemble?" }).GetByLabel("5").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Merci : vos réponses sont enregistrées.");
        var response = Assert.Single(await ResponsesAsync(survey));
        Assert.Equal(["score", "visited"], response.Answers.Keys.Order());
        Assert.True(response.Answers["visited"].YesNo);
    }

    [BrowserFact]
    public async Task By_keyboard_alone_a_citizen_answers_with_progress_shown_and_the_answers_survive_a_reload()
    {
        var survey = await SurveyAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Platform, $"/en/surveys/{survey.Id}").ToString());
        var progress = page.Locator("[data-survey-progress]");
        await Expect(progress).ToHaveTextAsync("0 of 2 questions answered");

        // Tab to the first choice of the first question; arrow keys move between radio buttons and choose.
        var yes = page.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true });
        while (!await yes.EvaluateAsync<bool>("e => e === document.activeElement"))
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true })).ToBeCheckedAsync();
        await Expect(progress).ToHaveTextAsync("1 of 3 questions answered");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Why not?")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Too far away.");
        await Expect(progress).ToHaveTextAsync("2 of 3 questions answered");

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Why not?")).ToHaveValueAsync("Too far away.");
        await Expect(progress).ToHaveTextAsync("2 of 3 questions answered");

        await page.GetByLabel("Why not?").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await Expect(progress).ToHaveTextAsync("3 of 3 questions answered");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you: your answers are recorded.");
        var response = Assert.Single(await ResponsesAsync(survey));
        Assert.Equal("Too far away.", response.Answers["why-not"].Text);

        // Sent answers are not kept: the draft is gone once the survey is recorded.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => sessionStorage.length"));
    }
}
