using Engagement.Api.Tests.Widget.Browser;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// The consultations and surveys area in Chromium: an analyst creates and opens a consultation by keyboard alone, builds a
/// survey with a show-if rule through the forms, and every page of the area passes axe-core in English and French, with a
/// form error shown too.
/// </summary>
public sealed class StaffManageBrowserTests(WidgetBrowserHost host) : IClassFixture<WidgetBrowserHost>
{
    private string Url(string path) => new Uri(host.Platform, path).ToString();

    /// <summary>Presses Tab until the focused element matches <paramref name="test"/> (a script predicate on it), and fails if it never does.</summary>
    private static async Task TabToAsync(IPage page, string test, string what)
    {
        var script = $"() => {{ const e = document.activeElement; return !!e && ({test}); }}";
        for (var i = 0; i < 80 && !await page.EvaluateAsync<bool>(script); i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>(script), $"Tab never reached {what}.");
    }

    private static Task TabToFieldAsync(IPage page, string id) => TabToAsync(page, $"e.id === '{id}'", id);

    [BrowserFact]
    public async Task An_analyst_creates_and_opens_a_consultation_by_keyboard_alone_and_it_is_on_the_home_page()
    {
        var org = await host.App.CreateOrganisationAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Analyst);
        await page.GotoAsync(Url($"/en/staff/consultations?organisationId={org.Id}"));

        await TabToAsync(page, "e.textContent.trim() === 'Create a consultation'", "the create link");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create a consultation", Level = 1 })).ToBeVisibleAsync();
        foreach (var (field, text) in new[]
        {
            ("f-title-en", "Snow clearing by keyboard"), ("f-summary-en", "Which streets first"), ("f-body-en", "The whole plan."),
            ("f-title-fr", "Déneigement au clavier"), ("f-summary-fr", "Quelles rues d’abord"), ("f-body-fr", "Le plan entier."),
        })
        {
            await TabToFieldAsync(page, field);
            await page.Keyboard.TypeAsync(text);
        }
        await TabToAsync(page, "e.tagName === 'BUTTON' && e.textContent.trim() === 'Create the draft'", "the create button");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The draft is created.");
        await TabToAsync(page, "e.tagName === 'BUTTON' && e.textContent.trim() === 'Open to the public'", "the open button");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("It is open to the public.");

        await page.GotoAsync(Url("/fr/"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Déneigement au clavier" })).ToBeVisibleAsync();
        var stored = Assert.Single(await host.App.Get<IConsultationStore>().ListAsync(org.Id));
        Assert.Equal(ConsultationStatus.Open, stored.Status);
        Assert.Equal("Quelles rues d’abord", stored.Summary["fr"]);
    }

    [BrowserFact]
    public async Task A_survey_built_in_the_browser_hides_its_rule_question_on_the_citizen_page_until_the_answer_matches()
    {
        var org = await host.App.CreateOrganisationAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Analyst, "fr");
        await page.GotoAsync(Url($"/fr/staff/surveys/new?organisationId={org.Id}"));

        await page.GetByLabel("Titre (anglais)").FillAsync("Library hours");
        await page.GetByLabel("Titre (français)").FillAsync("Heures de la bibliothèque");
        await page.GetByLabel("Type de question").SelectOptionAsync("YesNo");
        await page.GetByLabel("Question (anglais)").FillAsync("Do you visit on weekends?");
        await page.GetByLabel("Question (français)").FillAsync("Venez-vous la fin de semaine ?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l’ébauche" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("L’ébauche est créée.");
        await page.GetByLabel("Type de question").SelectOptionAsync("ShortText");
        await page.GetByLabel("Question (anglais)").FillAsync("Which hours would suit you?");
        await page.GetByLabel("Question (français)").FillAsync("Quelles heures vous conviendraient ?");
        await page.GetByLabel("Question précédente").SelectOptionAsync("q1");
        await page.GetByLabel("Condition").SelectOptionAsync("Equals");
        await page.GetByLabel("Réponse", new() { Exact = true }).FillAsync("yes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une question" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("La question est ajoutée.");
        await Expect(page.GetByText("Affichée seulement si la question 1 a pour réponse « yes »")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le sondage" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Le sondage est ouvert.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Page publique" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Heures de la bibliothèque" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Venez-vous la fin de semaine ?")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Quelles heures vous conviendraient ?")).ToBeHiddenAsync();
        await page.GetByLabel("Oui").CheckAsync();
        await Expect(page.GetByLabel("Quelles heures vous conviendraient ?")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Every_page_of_the_area_passes_axe_in_English_and_French_with_errors_shown_too()
    {
        var org = await host.App.CreateOrganisationAsync();
        var draft = await host.App.CreateDraftConsultationAsync(org.Id);
        var closed = await host.App.CreateClosedConsultationAsync(org.Id);
        var open = await host.App.CreateOpenSurveyAsync(org.Id);
        var survey = (await host.App.Get<CreateSurvey>().ExecuteAsync(new(org.Id, "axe-survey", LocalizedText.EnFr("Parks", "Parcs"),
        [
            new Question { Id = "q1", Type = QuestionType.SingleChoice, Prompt = LocalizedText.EnFr("Which park?", "Quel parc ?"),
                Options = [new("1", LocalizedText.EnFr("North", "Nord")), new("2", LocalizedText.EnFr("South", "Sud"))] },
            new Question { Id = "q2", Type = QuestionType.LongText, Prompt = LocalizedText.EnFr("Why?", "Pourquoi ?"), ShowIf = new ShowIfRule("q1", ShowIfOperator.Equals, "2") },
        ]), Actor.System)).Value;
        await using var context = await host.Chromium.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Analyst);
        var query = $"?organisationId={org.Id}";

        foreach (var language in new[] { "en", "fr" })
        {
            foreach (var path in new[]
            {
                $"/staff/consultations{query}", $"/staff/consultations/new{query}", $"/staff/consultations/{draft.Id}{query}",
                $"/staff/consultations/{closed.Id}{query}", $"/staff/surveys/new{query}", $"/staff/surveys/{survey.Id}{query}",
                $"/staff/surveys/{survey.Id}{query}&edit=q2", $"/staff/surveys/{open.Id}{query}",
            })
                await Axe.AssertNoViolationsAsync(page, Url($"/{language}{path}"));

            // The same forms sent empty or wrong, each page scanned as it comes back.
            await page.GotoAsync(Url($"/{language}/staff/consultations/new{query}"));
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#e-title-fr")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsHereAsync(page, $"{language} consultation form with errors");

            await page.GotoAsync(Url($"/{language}/staff/consultations/{closed.Id}{query}"));
            await page.Locator("form[action*='/outcome'] button[type=submit]").ClickAsync();
            await Expect(page.Locator("#e-outcome-en")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsHereAsync(page, $"{language} outcome form with errors");

            await page.GotoAsync(Url($"/{language}/staff/surveys/new{query}"));
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#e-prompt-en")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsHereAsync(page, $"{language} new survey form with errors");

            await page.GotoAsync(Url($"/{language}/staff/surveys/{survey.Id}{query}&edit=q1"));
            await page.Locator("#f-showif-question").SelectOptionAsync("q2");
            await page.Locator("form[action*='/questions/q1?'] button[type=submit]").ClickAsync();
            await Expect(page.Locator("#e-showif-question")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsHereAsync(page, $"{language} question form with errors");

            await page.GotoAsync(Url($"/{language}/staff/surveys/{survey.Id}{query}"));
            await page.Locator("#question-q2 button[value=up]").ClickAsync();
            await Expect(page.Locator("#question-q2 .eng-error")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsHereAsync(page, $"{language} question list with errors");
        }
        Assert.Equal(1, (await host.App.Get<ISurveyStore>().GetAsync(survey.Id))!.Version);
    }
}
