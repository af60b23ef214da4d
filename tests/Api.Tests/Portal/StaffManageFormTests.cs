using System.Net;
using System.Text.RegularExpressions;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Consultations;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// The workspace's consultations and surveys forms through the host, without script: an analyst creates, opens, closes a
/// consultation and publishes its outcome; builds a survey one question at a time with a show-if rule and opens it; input
/// the core refuses comes back with the error beside its field, what was typed kept and nothing stored; other roles,
/// other organisations and other sites are refused.
/// </summary>
public sealed partial class StaffManageFormTests(SharedHost host) : IClassFixture<SharedHost>
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

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static (string, string)[] ConsultationFields(string titleEn, string titleFr, string version = "") =>
    [
        ("version", version), ("slug", ""), ("title-en", titleEn), ("title-fr", titleFr), ("summary-en", "Where the lanes go"),
        ("summary-fr", "Où vont les pistes"), ("body-en", "The full plan."), ("body-fr", "Le plan complet."), ("policy", "AnonymousAllowed"),
        ("opens-at", ""), ("closes-at", ""),
    ];

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static string VersionOf(string page) => VersionPattern().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    private async Task<Consultation> OnlyConsultationAsync(string organisationId) =>
        Assert.Single(await _app.Get<IConsultationStore>().ListAsync(organisationId));

    [Fact]
    public async Task An_analyst_creates_a_consultation_in_both_languages_opens_it_and_it_is_on_the_home_page()
    {
        var org = await _app.CreateOrganisationAsync();
        var analyst = await SignedInAsync(org.Id, Role.Analyst);
        var list = $"/en/staff/consultations?organisationId={org.Id}";

        var created = await analyst.PostAsync($"/en/staff/consultations/new?organisationId={org.Id}",
            Form(ConsultationFields("Bike lanes on Main Street", "Pistes cyclables rue Principale")));
        var stored = await OnlyConsultationAsync(org.Id);
        var editPage = await TextAsync(await analyst.GetAsync(created.Headers.Location!.ToString()));
        var opened = await analyst.PostAsync($"/en/staff/consultations/{stored.Id}/open?organisationId={org.Id}", Form(("version", VersionOf(editPage))));
        var openedPage = await TextAsync(await analyst.GetAsync(opened.Headers.Location!.ToString()));
        var listPage = await TextAsync(await analyst.GetAsync(list));
        var homeEn = await TextAsync(await _app.CreateClient().GetAsync("/en/"));
        var homeFr = await TextAsync(await _app.CreateClient().GetAsync("/fr/"));

        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        Assert.Equal($"/en/staff/consultations/{stored.Id}?organisationId={org.Id}&done=created", created.Headers.Location!.ToString());
        Assert.Equal("bike-lanes-on-main-street", stored.Slug);
        Assert.Equal("Pistes cyclables rue Principale", stored.Title["fr"]);
        Assert.Equal("Le plan complet.", stored.Body["fr"]);
        Assert.Contains("The draft is created.", editPage);
        Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
        Assert.Contains("It is open to the public.", openedPage);
        Assert.Equal(ConsultationStatus.Open, (await OnlyConsultationAsync(org.Id)).Status);
        Assert.Contains("<caption>Consultations: Open</caption>", listPage);
        Assert.Contains($"href=\"/en/consultations/{stored.Id}\"", listPage);
        Assert.Contains("Bike lanes on Main Street", homeEn);
        Assert.Contains("Pistes cyclables rue Principale", homeFr);
    }

    [Fact]
    public async Task A_missing_French_title_comes_back_beside_its_field_with_what_was_typed_and_nothing_is_stored()
    {
        var org = await _app.CreateOrganisationAsync();
        var analyst = await SignedInAsync(org.Id, Role.Analyst);

        var response = await analyst.PostAsync($"/fr/staff/consultations/new?organisationId={org.Id}",
            Form(ConsultationFields("Bike lanes", "   ")));
        var page = await TextAsync(response);
        var badDate = await analyst.PostAsync($"/en/staff/consultations/new?organisationId={org.Id}",
            Form([.. ConsultationFields("Dates", "Dates").Where(f => f.Item1 != "closes-at"), ("closes-at", "31/12/2026")]));
        var badDatePage = await TextAsync(badDate);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p id=\"e-title-fr\" class=\"eng-error\">Titre (français) : ce champ est obligatoire.</p>", page);
        Assert.Contains("<a href=\"#f-title-fr\">Titre (français) : ce champ est obligatoire.</a>", page);
        Assert.Contains("aria-describedby=\"e-title-fr\"", page);
        Assert.Contains("value=\"Bike lanes\"", page);
        Assert.Contains("Le plan complet.</textarea>", page);
        Assert.DoesNotContain("e-title-en", page);
        // The page answers a post; its language switch leads to the form's own address, not the post's.
        Assert.Contains($"hreflang=\"en\" href=\"/en/staff/consultations/new?organisationId={org.Id}\"", page);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("Closes on: use the form YYYY-MM-DD", badDatePage);
        Assert.Contains("value=\"31/12/2026\"", badDatePage);
        Assert.Empty(await _app.Get<IConsultationStore>().ListAsync(org.Id));
    }

    [Fact]
    public async Task Opening_a_draft_without_its_French_texts_says_which_fields_and_a_stale_version_shows_the_current_one()
    {
        var org = await _app.CreateOrganisationAsync();
        var analyst = await SignedInAsync(org.Id, Role.Analyst);
        var draft = (await _app.Get<CreateConsultation>().ExecuteAsync(new(org.Id, "half-done", Core.Common.LocalizedText.EnFr("Parks", "Parcs"),
            new Core.Common.LocalizedText([new("en", "English only")])), Core.Common.Actor.System)).Value;
        var path = $"/en/staff/consultations/{draft.Id}?organisationId={org.Id}";

        var open = await analyst.PostAsync($"/en/staff/consultations/{draft.Id}/open?organisationId={org.Id}", Form(("version", "1")));
        var openPage = await TextAsync(open);
        var saved = await analyst.PostAsync(path, Form(ConsultationFields("Parks, again", "Parcs, encore", version: "1")));
        var stale = await analyst.PostAsync(path, Form(ConsultationFields("Parks, my way", "Parcs, à ma façon", version: "1")));
        var stalePage = await TextAsync(stale);

        Assert.Equal(HttpStatusCode.BadRequest, open.StatusCode);
        Assert.Contains("<p id=\"e-summary-fr\" class=\"eng-error\">Summary (French): this field is required.</p>", openPage);
        Assert.Contains("<p id=\"e-body-en\" class=\"eng-error\">Full text (English): this field is required.</p>", openPage);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this while you were working on it.", stalePage);
        Assert.Contains("value=\"Parks, again\"", stalePage);
        Assert.Contains("<summary>What you typed, not saved</summary>", stalePage);
        Assert.Contains("<dt>Title (French)</dt>", stalePage);
        Assert.Contains("<dd class=\"eng-body\">Parcs, à ma façon</dd>", stalePage);
        Assert.Contains("name=\"version\" value=\"2\"", stalePage);
        var stored = await OnlyConsultationAsync(org.Id);
        Assert.Equal("Parks, again", stored.Title["en"]);
        Assert.Equal(ConsultationStatus.Draft, stored.Status);
    }

    [Fact]
    public async Task A_closed_consultation_publishes_its_outcome_in_both_languages_on_its_public_page()
    {
        var org = await _app.CreateOrganisationAsync();
        var analyst = await SignedInAsync(org.Id, Role.Analyst);
        var open = await _app.CreateOpenConsultationAsync(org.Id);
        var actions = $"/en/staff/consultations/{open.Id}";
        var query = $"?organisationId={org.Id}";

        var closed = await analyst.PostAsync($"{actions}/close{query}", Form(("version", open.Version.ToString())));
        var closedPage = await TextAsync(await analyst.GetAsync(closed.Headers.Location!.ToString()));
        var half = await analyst.PostAsync($"{actions}/outcome{query}", Form(("version", VersionOf(closedPage)), ("outcome-en", "We will build them."), ("outcome-fr", "")));
        var halfPage = await TextAsync(half);
        var published = await analyst.PostAsync($"{actions}/outcome{query}",
            Form(("version", VersionOf(closedPage)), ("outcome-en", "We will build them."), ("outcome-fr", "Nous les construirons.")));
        var publicFr = await TextAsync(await _app.CreateClient().GetAsync($"/fr/consultations/{open.Id}"));

        Assert.Equal(HttpStatusCode.SeeOther, closed.StatusCode);
        Assert.Contains("A closed consultation's texts can no longer be changed.", closedPage);
        Assert.DoesNotContain("name=\"title-en\"", closedPage);
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.Contains("<p id=\"e-outcome-fr\" class=\"eng-error\">What was decided (French): this field is required.</p>", halfPage);
        Assert.Contains("We will build them.</textarea>", halfPage);
        Assert.Equal(HttpStatusCode.SeeOther, published.StatusCode);
        Assert.Contains("Nous les construirons.", publicFr);
        Assert.Equal(ConsultationStatus.OutcomePublished, (await _app.Get<IConsultationStore>().GetAsync(open.Id))!.Status);
    }

    [Fact]
    public async Task Hostile_text_is_shown_as_text_on_the_list_and_the_form()
    {
        var org = await _app.CreateOrganisationAsync();
        var analyst = await SignedInAsync(org.Id, Role.Analyst);
        const string hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";

        var created = await analyst.PostAsync($"/en/staff/consultations/new?organisationId={org.Id}",
            Form([.. ConsultationFields(hostile, "\"><b>gras</b>").Where(f => f.Item1 != "slug"), ("slug", "hostile")]));
        var raw = await (await analyst.GetAsync(created.Headers.Location!.ToString())).Content.ReadAsStringAsync();
        var list = await (await analyst.GetAsync($"/en/staff/consultations?organisationId={org.Id}")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        foreach (var page in new[] { raw, list })
        {
            Assert.DoesNotContain("<script>alert", page);
            Assert.DoesNotContain("<img src=x", page);
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", page);
        }
        Assert.Contains("value=\"&quot;&gt;&lt;b&gt;gras&lt;/b&gt;\"", raw);
    }

    [Fact]
    public async Task A_moderator_other_organisations_staff_and_signed_out_visitors_are_refused_and_other_sites_cannot_post()
    {
        var org = await _app.CreateOrganisationAsync();
        var other = await _app.CreateOrganisationAsync();
        var draft = await _app.CreateDraftConsultationAsync(org.Id);
        var survey = await _app.CreateDraftSurveyAsync(org.Id);
        var moderator = await SignedInAsync(org.Id, Role.Moderator);
        var stranger = await SignedInAsync(other.Id, Role.Analyst);
        var analyst = await SignedInAsync(org.Id, Role.Analyst);
        var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });
        var query = $"?organisationId={org.Id}";
        string[] pages = [$"/en/staff/consultations{query}", $"/en/staff/consultations/new{query}", $"/en/staff/consultations/{draft.Id}{query}",
            $"/en/staff/surveys/new{query}", $"/en/staff/surveys/{survey.Id}{query}"];

        foreach (var path in pages)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(path)).StatusCode);
            var signedOut = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
            Assert.StartsWith("/en/staff/sign-in?returnUrl=", signedOut.Headers.Location!.ToString());
        }
        // Another organisation's analyst, even naming their own organisation, cannot reach this one's consultation.
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/en/staff/consultations/{draft.Id}?organisationId={other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync($"/en/staff/consultations/{draft.Id}/open?organisationId={other.Id}",
            Form(("version", "1")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsync($"/en/staff/surveys/{survey.Id}/open{query}", Form(("version", "1")))).StatusCode);
        var foreign = new HttpRequestMessage(HttpMethod.Post, $"/en/staff/consultations/new{query}") { Content = Form(ConsultationFields("Forged", "Forgé")) };
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.SendAsync(foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/en/staff/consultations/no-such-id{query}")).StatusCode);
        Assert.Equal(ConsultationStatus.Draft, (await _app.Get<IConsultationStore>().GetAsync(draft.Id))!.Status);
        Assert.Equal(SurveyStatus.Draft, (await _app.Get<ISurveyStore>().GetAsync(survey.Id))!.Status);
        Assert.Single(await _app.Get<IConsultationStore>().ListAsync(org.Id));
    }
}
