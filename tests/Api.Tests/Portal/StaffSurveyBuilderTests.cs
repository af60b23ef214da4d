using System.Net;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// The survey builder without script, through the host: a draft is created with its first question, questions are added,
/// edited, moved and removed one at a time, each change judged by the core's rules with their errors beside the fields
/// and nothing stored; once open, the citizen page asks the questions and the definition no longer changes.
/// </summary>
public sealed class StaffSurveyBuilderTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    private async Task<HttpClient> SignedInAsync(string organisationId, Role role)
    {
        var (member, password) = await _app.CreateStaffAsync(organisationId, role);
        var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await client.PostAsync("/en/staff/sign-in", new FormUrlEncodedContent([new("email", member.Email), new("password", password)]));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        return client;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static (string, string)[] Question(string type, string en, string fr, string optionsEn = "", string optionsFr = "",
        string showIf = "", string op = "Answered", string value = "", bool required = false) =>
    [
        ("type", type), ("prompt-en", en), ("prompt-fr", fr), ("options-en", optionsEn), ("options-fr", optionsFr),
        ("showif-question", showIf), ("showif-operator", op), ("showif-value", value), .. (required ? new[] { ("required", "true") } : []),
    ];

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private Task<Survey?> StoredAsync(string id) => _app.Get<ISurveyStore>().GetAsync(id);

    /// <summary>A draft made through the create form, with a single-choice first question (options Bus, Bike).</summary>
    private async Task<Survey> CreatedAsync(HttpClient analyst, string organisationId)
    {
        var created = await analyst.PostAsync($"/en/staff/surveys/new?organisationId={organisationId}", Form(
        [
            ("slug", ""), ("title-en", "How you travel"), ("title-fr", "Vos déplacements"), ("description-en", "Two minutes."),
            ("description-fr", "Deux minutes."), ("policy", "AnonymousAllowed"),
            .. Question("SingleChoice", "How do you travel?", "Comment vous déplacez-vous ?", "Bus\r\nBike\r\n", "Autobus\r\nVélo", required: true),
        ]));
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        return Assert.Single(await _app.Get<ISurveyStore>().ListAsync(organisationId));
    }

    [Fact]
    public async Task A_survey_is_built_with_a_show_if_rule_opened_and_its_page_asks_the_questions()
    {
        var org = await _app.CreateOrganisationAsync();
        var analyst = await SignedInAsync(org.Id, Role.Analyst);
        var survey = await CreatedAsync(analyst, org.Id);
        var path = $"/en/staff/surveys/{survey.Id}";
        var query = $"?organisationId={org.Id}";

        var added = await analyst.PostAsync($"{path}/questions{query}",
            Form([("version", "1"), .. Question("LongText", "What would make biking easier?", "Qu’est-ce qui faciliterait le vélo ?", showIf: "q1", op: "Equals", value: "2")]));
        var rated = await analyst.PostAsync($"{path}/questions{query}", Form([("version", "2"), .. Question("Rating", "Overall?", "Dans l’ensemble ?")]));
        var moved = await analyst.PostAsync($"{path}/questions/q3/move{query}", Form(("version", "3"), ("direction", "up")));
        var builder = await TextAsync(await analyst.GetAsync($"{path}{query}&done=question-moved"));
        var opened = await analyst.PostAsync($"{path}/open{query}", Form(("version", "4")));
        var citizen = await TextAsync(await _app.CreateClient().GetAsync($"/fr/surveys/{survey.Id}"));
        var home = await TextAsync(await _app.CreateClient().GetAsync("/en/"));

        Assert.All(new[] { added, rated, moved, opened }, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Contains("The question is moved.", builder);
        Assert.Contains("Bus / Autobus (key 1)", builder);
        Assert.Contains("Shown only if question 1 is answered with “Bike”", builder);
        var stored = (await StoredAsync(survey.Id))!;
        Assert.Equal(SurveyStatus.Open, stored.Status);
        Assert.Equal(["q1", "q3", "q2"], stored.Questions.Select(q => q.Id));
        Assert.Equal(new ShowIfRule("q1", ShowIfOperator.Equals, "2"), stored.Questions[2].ShowIf);
        Assert.Equal("Vélo", stored.Questions[0].Options[1].Label["fr"]);
        Assert.True(stored.Questions[0].Required);
        Assert.Contains("Vos déplacements", citizen);
        Assert.Contains("Comment vous déplacez-vous ?", citizen);
        Assert.Contains("Qu’est-ce qui faciliterait le vélo ?", citizen);
        Assert.Contains("data-show-if-question=\"q1\" data-show-if-operator=\"Equals\" data-show-if-value=\"2\"", citizen);
        Assert.Contains("How you travel", home);
    }

    [Fact]
    public async Task A_rule_on_a_later_question_and_options_missing_in_French_come_back_beside_their_fields_and_nothing_is_stored()
    {
        var org = await _app.CreateOrganisationAsync();
        var analyst = await SignedInAsync(org.Id, Role.Analyst);
        var survey = await CreatedAsync(analyst, org.Id);
        var path = $"/en/staff/surveys/{survey.Id}";
        var query = $"?organisationId={org.Id}";
        Assert.Equal(HttpStatusCode.SeeOther, (await analyst.PostAsync($"{path}/questions{query}",
            Form([("version", "1"), .. Question("YesNo", "Do you own a car?", "Avez-vous une voiture ?", showIf: "q1", op: "Equals", value: "1")]))).StatusCode);

        // The first question may not depend on the second, which comes after it.
        var later = await analyst.PostAsync($"{path}/questions/q1{query}",
            Form([("version", "2"), .. Question("SingleChoice", "How do you travel?", "Comment vous déplacez-vous ?", "Bus\nBike", "Autobus\nVélo", showIf: "q2", op: "Equals", value: "yes")]));
        var laterPage = await TextAsync(later);
        // Moving the second question above the one its rule depends on is refused the same way.
        var moved = await analyst.PostAsync($"{path}/questions/q2/move{query}", Form(("version", "2"), ("direction", "up")));
        var movedPage = await TextAsync(moved);
        var french = await analyst.PostAsync($"/fr{path[3..]}/questions{query}",
            Form([("version", "2"), .. Question("MultipleChoice", "Which days?", "", "Monday\nTuesday\nFriday", "Lundi\nMardi")]));
        var frenchPage = await TextAsync(french);
        var value = await analyst.PostAsync($"{path}/questions{query}",
            Form([("version", "2"), .. Question("ShortText", "Why?", "Pourquoi ?", showIf: "q2", op: "Equals", value: "maybe")]));
        var valuePage = await TextAsync(value);
        var tooFew = await analyst.PostAsync($"{path}/questions{query}", Form([("version", "2"), .. Question("SingleChoice", "One?", "Une ?", "Only", "Seule")]));

        Assert.Equal(HttpStatusCode.BadRequest, later.StatusCode);
        Assert.Contains("<p id=\"e-showif-question\" class=\"eng-error\">Earlier question: a rule can only depend on a question asked before this one.</p>", laterPage);
        Assert.Contains("<option value=\"q2\" selected>", laterPage);
        Assert.Contains("Edit question 1", laterPage);
        Assert.Contains($"href=\"/fr/staff/surveys/{survey.Id}?organisationId={org.Id}\" lang=\"fr\"", laterPage);
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Contains("Earlier question: a rule can only depend on a question asked before this one. (Question 2)", movedPage);
        Assert.Equal(HttpStatusCode.BadRequest, french.StatusCode);
        Assert.Contains("<p id=\"e-prompt-fr\" class=\"eng-error\">Question (français) : ce champ est obligatoire.</p>", frenchPage);
        Assert.Contains("<p id=\"e-options-fr\" class=\"eng-error\">Options, une par ligne (français) – Option 3 : ce champ est obligatoire.</p>", frenchPage);
        Assert.Contains("Monday\nTuesday\nFriday</textarea>", frenchPage);
        Assert.Equal(HttpStatusCode.BadRequest, value.StatusCode);
        Assert.Contains("<p id=\"e-showif-value\" class=\"eng-error\">Answer: this is not a possible answer to the earlier question.</p>", valuePage);
        Assert.Contains("value=\"maybe\"", valuePage);
        Assert.Equal(HttpStatusCode.BadRequest, tooFew.StatusCode);
        Assert.Contains("Options: a list question needs 2 to 50 options, in each language.", await TextAsync(tooFew));
        var stored = (await StoredAsync(survey.Id))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(["q1", "q2"], stored.Questions.Select(q => q.Id));
        Assert.Null(stored.Questions[0].ShowIf);
    }

    [Fact]
    public async Task Editing_keeps_option_keys_removing_the_last_question_is_refused_and_an_open_survey_is_read_only()
    {
        var org = await _app.CreateOrganisationAsync();
        var analyst = await SignedInAsync(org.Id, Role.Analyst);
        var survey = await CreatedAsync(analyst, org.Id);
        var path = $"/en/staff/surveys/{survey.Id}";
        var query = $"?organisationId={org.Id}";

        var editForm = await TextAsync(await analyst.GetAsync($"{path}{query}&edit=q1"));
        var edited = await analyst.PostAsync($"{path}/questions/q1{query}",
            Form([("version", "1"), .. Question("SingleChoice", "How do you travel most?", "Comment vous déplacez-vous surtout ?", "Bus\nBike\nWalk", "Autobus\nVélo\nMarche")]));
        var last = await analyst.PostAsync($"{path}/questions/q1/remove{query}", Form(("version", "2")));
        var lastPage = await TextAsync(last);
        var opened = await analyst.PostAsync($"{path}/open{query}", Form(("version", "2")));
        var openPage = await TextAsync(await analyst.GetAsync($"{path}{query}"));
        var addAfterOpen = await analyst.PostAsync($"{path}/questions{query}", Form([("version", "3"), .. Question("YesNo", "Late?", "En retard ?")]));
        var closed = await analyst.PostAsync($"{path}/close{query}", Form(("version", "3")));

        Assert.Contains("Bus\nBike</textarea>", editForm);
        Assert.Contains("<option value=\"SingleChoice\" selected>", editForm);
        Assert.Equal(HttpStatusCode.SeeOther, edited.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.Contains("A survey needs at least one question.", lastPage);
        Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
        Assert.Contains("can no longer change", openPage);
        Assert.DoesNotContain("name=\"prompt-en\"", openPage);
        Assert.DoesNotContain("/remove", openPage);
        Assert.Equal(HttpStatusCode.BadRequest, addAfterOpen.StatusCode);
        Assert.Contains("That cannot be done now: it is Open.", await TextAsync(addAfterOpen));
        Assert.Equal(HttpStatusCode.SeeOther, closed.StatusCode);
        var stored = (await StoredAsync(survey.Id))!;
        Assert.Equal(SurveyStatus.Closed, stored.Status);
        Assert.Equal(["1", "2", "3"], stored.Questions.Single().Options.Select(o => o.Id));
        Assert.Equal("How do you travel most?", stored.Questions.Single().Prompt["en"]);
    }
}
