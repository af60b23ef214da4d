using System.Net;
using System.Text.RegularExpressions;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Surveys;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Engagement.Api.Tests.Hostile;

/// <summary>
/// Markup and script written into every text field a citizen or staff member can fill, then every page that shows
/// that field fetched: the markup is there as escaped text (so the page did render the field), never as an element,
/// and no javascript: address becomes a link.
/// </summary>
public sealed partial class MarkupInjectionTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    /// <summary>The hostile text for one field: a script, an image with a handler, and a javascript: link, each numbered for the field.</summary>
    private static string Payload(int field) =>
        $"<script>alert({field})</script><img src=x onerror=alert({field})><a href=javascript:alert({field})>x{field}</a>";

    private static string Escaped(int field) => $"&lt;script&gt;alert({field})&lt;/script&gt;";

    private sealed record Case(int Field, string Name, string[] Pages);

    [Fact]
    public async Task Markup_in_every_writable_text_field_is_shown_as_escaped_text_on_every_page_that_renders_it()
    {
        var org = await _app.CreateOrganisationAsync();
        var (admin, password) = await _app.CreateStaffAsync(org.Id, Core.Staff.Role.Admin);
        var staff = await _app.SignedInAsync(admin.Email, password);
        var citizen = _app.Anonymous();
        var cases = new List<Case>();

        // Staff writes: a consultation's title, summary and body, through GraphQL as a staff member does.
        var created = (await staff.QueryAsync("""
            mutation($i: CreateConsultationInput!) { createConsultation(input: $i) { id } }
            """, new { i = new
            {
                organisationId = org.Id, slug = $"x-{Guid.NewGuid():N}"[..20],
                title = new[] { new { language = "en", text = Payload(1) }, new { language = "fr", text = Payload(1) } },
                summary = new[] { new { language = "en", text = Payload(2) }, new { language = "fr", text = Payload(2) } },
                body = new[] { new { language = "en", text = Payload(3) }, new { language = "fr", text = Payload(3) } },
            } })).AssertOk().At("createConsultation.id").GetString()!;
        (await staff.QueryAsync("mutation($id: ID!) { openConsultation(consultationId: $id) { status } }", new { id = created })).AssertOk();
        cases.Add(new(1, "consultation title", ["/en/", $"/en/consultations/{created}", "/en/staff/consultations", $"/en/staff/consultations/{created}"]));
        cases.Add(new(2, "consultation summary", ["/en/", $"/en/staff/consultations/{created}"]));
        cases.Add(new(3, "consultation body", [$"/en/consultations/{created}", $"/en/staff/consultations/{created}"]));

        // Citizen writes: a comment and a reply to it.
        var token = await _app.RegisterParticipantAsync();
        var comment = (await citizen.QueryAsync("mutation($i: PostCommentInput!) { postComment(input: $i) { id } }",
            new { i = new { consultationId = created, participantToken = token, text = Payload(4), language = "en" } })).AssertOk().At("postComment.id").GetString();
        var reply = await citizen.QueryAsync("mutation($i: PostCommentInput!) { postComment(input: $i) { id status } }",
            new { i = new { consultationId = created, participantToken = token, text = Payload(5), language = "en", parentId = comment } });
        cases.Add(new(4, "comment", [$"/en/consultations/{created}"]));
        // Screening may hold the second of two quick posts: a held reply is shown to the moderators instead.
        cases.Add(new(5, "reply", [reply.AssertOk().At("postComment.status").GetString() == "HELD" ? "/en/staff/moderation" : $"/en/consultations/{created}"]));

        // Staff writes: a service's name, shown on its public page, on the hosted widget pages and in the workspace.
        var service = (await staff.QueryAsync("mutation($i: CreateServiceInput!) { createService(input: $i) { id } }", new { i = new
        {
            organisationId = org.Id, slug = $"s-{Guid.NewGuid():N}"[..20],
            name = new[] { new { language = "en", text = Payload(6) }, new { language = "fr", text = Payload(6) } },
        } })).AssertOk().At("createService.id").GetString()!;
        var key = await _app.CreateWidgetKeyAsync(org.Id, service, HostileWorld.WidgetOrigin);
        cases.Add(new(6, "service name", [$"/en/services/{service}", $"/widget/{key.Key}/rate", $"/widget/{key.Key}/thanks", "/en/staff/services", $"/en/staff/services/{service}"]));

        // Staff writes: a survey's title and a question's prompt.
        var survey = (await _app.Get<CreateSurvey>().ExecuteAsync(new(org.Id, $"v-{Guid.NewGuid():N}"[..20], LocalizedText.EnFr(Payload(7), Payload(7)),
            [new Question { Id = "why", Type = QuestionType.ShortText, Prompt = LocalizedText.EnFr(Payload(8), Payload(8)) }]), Actor.Staff(admin.Id))).Value;
        Assert.True((await _app.Get<OpenSurvey>().ExecuteAsync(new(survey.Id), Actor.Staff(admin.Id))).Succeeded);
        cases.Add(new(7, "survey title", ["/en/", $"/en/surveys/{survey.Id}", $"/en/staff/surveys/{survey.Id}"]));
        cases.Add(new(8, "survey question", [$"/en/surveys/{survey.Id}", $"/en/staff/surveys/{survey.Id}"]));

        // Staff writes: a colleague's display name, and a backlog item's title and description.
        (await staff.QueryAsync("mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { member { id } } }", new { i = new
        {
            displayName = Payload(9), email = $"x-{Guid.NewGuid():N}@example.org", grants = new[] { new { organisationId = org.Id, role = "ANALYST" } },
        } })).AssertOk();
        cases.Add(new(9, "staff display name", ["/en/staff/people"]));
        var item = (await staff.QueryAsync("mutation($i: CreateBacklogItemInput!) { createBacklogItem(input: $i) { id } }", new { i = new
        {
            organisationId = org.Id, title = Payload(10), description = Payload(11), serviceId = service,
        } })).AssertOk().At("createBacklogItem.id").GetString()!;
        cases.Add(new(10, "backlog title", ["/en/staff/backlog", $"/en/staff/backlog/{item}"]));
        cases.Add(new(11, "backlog description", [$"/en/staff/backlog/{item}"]));

        var anonymous = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var c in cases)
        {
            foreach (var page in c.Pages)
            {
                var http = page.StartsWith("/en/staff", StringComparison.Ordinal) ? staff.Http : anonymous;
                using var response = await http.GetAsync(page);
                var html = await response.Content.ReadAsStringAsync();
                var because = $"{c.Name} on {page}";
                if (response.StatusCode != HttpStatusCode.OK)
                    failures.Add($"{because}: {(int)response.StatusCode}");
                else if (!html.Contains(Escaped(c.Field), StringComparison.Ordinal))
                    failures.Add($"{because}: the field is not shown escaped");
                failures.AddRange(LiveMarkup(html).Select(m => $"{because}: live markup '{m}'"));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Markup_in_a_rating_comment_and_a_survey_answer_is_shown_as_escaped_text_where_staff_pick_evidence()
    {
        // Rating comments and survey answers reach a page once insights have read them: the evidence choices of a new backlog item.
        using var app = SharedHost.NewApp().WithSetting("Insights:Tagging:PollMilliseconds", "50");
        var org = await app.CreateOrganisationAsync();
        var service = await app.CreateServiceAsync(org.Id);
        var survey = await app.CreateOpenSurveyAsync(org.Id);
        var citizen = app.Anonymous();
        (await citizen.QueryAsync("mutation($i: SubmitRatingInput!) { submitRating(input: $i) { id } }",
            new { i = new { serviceId = service.Id, score = 2, language = "en", comment = Payload(12) } })).AssertOk();
        (await citizen.QueryAsync("mutation($i: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $i) { id } }", new { i = new
        {
            surveyId = survey.Id, participantToken = await app.RegisterParticipantAsync(), language = "en",
            answers = new object[] { new { questionId = "satisfied", number = 1 }, new { questionId = "why", text = Payload(13) } },
        } })).AssertOk();
        var (admin, password) = await app.CreateStaffAsync(org.Id, Core.Staff.Role.Admin);
        var staff = await app.SignedInAsync(admin.Email, password);

        var html = "";
        for (var attempt = 0; attempt < 100 && !(html.Contains(Escaped(12), StringComparison.Ordinal) && html.Contains(Escaped(13), StringComparison.Ordinal)); attempt++)
        {
            if (attempt > 0)
                await Task.Delay(100);
            html = await staff.Http.GetStringAsync("/en/staff/backlog/new");
        }

        Assert.Contains(Escaped(12), html, StringComparison.Ordinal);
        Assert.Contains(Escaped(13), html, StringComparison.Ordinal);
        Assert.Empty(LiveMarkup(html));
    }

    /// <summary>Any trace of a payload as markup rather than text: its script element, its image element, or a javascript: link.</summary>
    private static IEnumerable<string> LiveMarkup(string html) =>
        LiveElement().Matches(html).Select(m => m.Value).Concat(ScriptHref().Matches(html).Select(m => m.Value));

    [GeneratedRegex(@"<script>alert\(\d+\)|<img src=x onerror", RegexOptions.IgnoreCase)]
    private static partial Regex LiveElement();

    // Pages quote every attribute, and escape a quote inside text, so a javascript: address in a live attribute reads
    // href="javascript:…; the escaped payload reads href=javascript: with no quote.
    [GeneratedRegex(@"(href|src|action|formaction)\s*=\s*[""']\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptHref();
}
