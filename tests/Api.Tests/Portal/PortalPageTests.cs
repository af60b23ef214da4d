using System.Net;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Backlog;
using Engagement.Core.Common;
using Engagement.Core.Participants;
using Engagement.Web.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// The citizen portal through the host: one address per language with a switch to the other, what is open on the home
/// page, a consultation's comments with replies (user text shown as text), its "you said, we did" notes, a service's
/// satisfaction, and error pages in the page's language.
/// </summary>
public sealed class PortalPageTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    private async Task<string> PageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _app.CreateClient().GetAsync(path);
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every word table of the portal and the staff workspace; an area that adds its own table adds it here.</summary>
    public static TheoryData<string> TextTables => ["portal", "staff", "backlog", "manage", "insights", "services", "people"];

    private static IEnumerable<(string Name, string En, string Fr)> TableOf(string table) => table switch
    {
        "portal" => PortalTexts.All,
        "staff" => Web.Staff.StaffTexts.All,
        "backlog" => Web.Staff.Backlog.BacklogTexts.All,
        "manage" => Web.Staff.Manage.ManageTexts.All,
        "insights" => Web.Staff.Insights.InsightsTexts.All,
        "services" => Web.Staff.Services.ServicesTexts.All,
        "people" => Web.Staff.People.PeopleTexts.All,
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    [Theory]
    [MemberData(nameof(TextTables))]
    public void Every_text_exists_in_English_and_French(string table)
    {
        foreach (var (name, en, fr) in TableOf(table))
        {
            Assert.False(string.IsNullOrWhiteSpace(en), name);
            Assert.False(string.IsNullOrWhiteSpace(fr), name);
        }
    }

    [Fact]
    public async Task The_home_page_lists_open_consultations_in_each_language_and_switches_between_them()
    {
        var org = await _app.CreateOrganisationAsync();
        var open = await _app.CreateOpenConsultationAsync(org.Id);
        var closed = await _app.CreateClosedConsultationAsync(org.Id);

        var english = await PageAsync("/en/");
        var french = await PageAsync("/fr/");

        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains($"href=\"/en/consultations/{open.Id}\"", english);
        Assert.DoesNotContain(closed.Id, english);
        Assert.Contains("Bike lanes", english);
        Assert.Contains("href=\"/fr/\" lang=\"fr\" hreflang=\"fr\">Français</a>", english);
        Assert.Contains("<html lang=\"fr\">", french);
        Assert.Contains("Pistes cyclables", french);
        Assert.Contains($"href=\"/fr/consultations/{open.Id}\"", french);
        Assert.Contains("Passer au contenu principal", french);
    }

    [Fact]
    public async Task The_stylesheets_a_page_links_are_served()
    {
        var client = _app.CreateClient();
        var page = await PageAsync("/en/");

        foreach (var href in new[] { "/assets/lib/gcds/tokens.css", "/assets/portal.css" })
        {
            Assert.Contains($"href=\"{href}\"", page);
            var css = await client.GetAsync(href);
            Assert.Equal((HttpStatusCode.OK, "text/css"), (css.StatusCode, css.Content.Headers.ContentType?.MediaType));
        }
    }

    [Fact]
    public async Task The_root_sends_visitors_to_their_language()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var french = new HttpRequestMessage(HttpMethod.Get, "/");
        french.Headers.AcceptLanguage.ParseAdd("fr-CA,fr;q=0.9,en;q=0.8");

        Assert.Equal("/en/", (await client.GetAsync("/")).Headers.Location?.ToString());
        Assert.Equal("/fr/", (await client.SendAsync(french)).Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_consultation_shows_its_comments_and_replies_as_text_with_their_counts_and_what_was_done()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var post = _app.Get<Core.Comments.PostComment>();
        var author = (await _app.Get<RegisterAnonymousParticipant>().ExecuteAsync()).Value.Participant;
        var comment = (await post.ExecuteAsync(new(consultation.Id, author.Id, "<script>alert('x')</script> Lanes on <b>Main</b>, please.", "en"))).Value;
        var reply = (await post.ExecuteAsync(new(consultation.Id, (await _app.Get<RegisterAnonymousParticipant>().ExecuteAsync()).Value.Participant.Id,
            "Oui, et sur la rue King.", "fr", comment.Id))).Value;
        var item = (await _app.Get<CreateBacklogItem>().ExecuteAsync(new(org.Id, "Lanes on Main", "", ConsultationId: consultation.Id), Actor.Staff("analyst"))).Value;
        foreach (var status in new[] { BacklogStatus.Accepted, BacklogStatus.InProgress })
            await _app.Get<ChangeBacklogStatus>().ExecuteAsync(new(item.Id, org.Id, status), Actor.Staff("analyst"));
        await _app.Get<ChangeBacklogStatus>().ExecuteAsync(new(item.Id, org.Id, BacklogStatus.Shipped, "We painted lanes on Main <i>in May</i>."), Actor.Staff("analyst"));

        var response = await _app.CreateClient().GetAsync($"/en/consultations/{consultation.Id}");
        var raw = await response.Content.ReadAsStringAsync();
        var page = WebUtility.HtmlDecode(raw);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", raw);
        Assert.DoesNotContain("<b>Main</b>", raw);
        Assert.Contains("<script>alert('x')</script> Lanes on <b>Main</b>, please.", page);
        Assert.Contains($"id=\"comment-{reply.Id}\"", raw);
        Assert.Contains($"<p lang=\"fr\" id=\"text-{reply.Id}\">Oui, et sur la rue King.</p>", page);
        Assert.Contains(">1 comments</span>)", page);
        Assert.Contains(">0 agree</span> · <span", page);
        Assert.Contains(">0 disagree</span>", page);
        Assert.Contains("You said, we did", page);
        Assert.Contains("We painted lanes on Main <i>in May</i>.", page);
        Assert.DoesNotContain("<i>in May</i>", raw);
        Assert.Contains($"href=\"/fr/consultations/{consultation.Id}\"", raw);
    }

    [Fact]
    public async Task A_service_shows_its_satisfaction_and_says_when_ratings_are_too_few()
    {
        var org = await _app.CreateOrganisationAsync();
        var service = await _app.CreateServiceAsync(org.Id);
        var empty = await _app.CreateServiceAsync(org.Id);
        foreach (var score in new[] { 5, 4, 2 })
            await _app.Get<Core.Ratings.SubmitRating>().ExecuteAsync(new(service.Id, score, "fr"));
        var key = await _app.CreateWidgetKeyAsync(org.Id, service.Id, "https://service.example");

        var french = await PageAsync($"/fr/services/{service.Id}");
        var rate = await _app.CreateClient().GetAsync($"/widget/{key.Key}/rate?lang=fr");
        var none = await PageAsync($"/en/services/{empty.Id}");

        Assert.Contains("<dd data-live-count=\"ratings\">3</dd>", french);
        Assert.Contains("<dd data-live-average>3,7</dd>", french);
        Assert.Contains("67", french);
        Assert.Contains("Moins de 30 évaluations", french);
        Assert.Contains("No ratings yet.", none);
        Assert.Contains("No improvements published yet.", none);
        // A service with a widget key links to its hosted rating page, which works without script; one without offers none.
        Assert.Contains($"<a href=\"/widget/{key.Key}/rate?lang=fr\">Évaluez ce service</a>", french);
        Assert.Equal(HttpStatusCode.OK, rate.StatusCode);
        Assert.DoesNotContain("/widget/", none);
    }

    [Theory]
    [InlineData("/en/consultations/nope", "We could not find that page", "lang=\"en\"")]
    [InlineData("/fr/services/nope", "Nous n’avons pas trouvé cette page", "lang=\"fr\"")]
    [InlineData("/fr/no/such/page", "Nous n’avons pas trouvé cette page", "lang=\"fr\"")]
    public async Task An_unknown_page_gets_a_404_page_in_its_language_that_says_what_to_do_next(string path, string title, string lang)
    {
        var page = await PageAsync(path, HttpStatusCode.NotFound);

        Assert.Contains(title, page);
        Assert.Contains(lang, page);
        Assert.Contains("href=\"/" + path[1..3] + "/\"", page);
    }

    [Fact]
    public async Task A_draft_consultation_is_not_shown()
    {
        var org = await _app.CreateOrganisationAsync();
        var draft = await _app.CreateDraftConsultationAsync(org.Id);

        await PageAsync($"/en/consultations/{draft.Id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_page_that_fails_gets_the_500_page_in_its_language_and_the_error_is_logged_not_shown()
    {
        using var app = SharedHost.NewApp().WithServices(s => s.AddSingleton<IBacklogStore>(new FailingBacklogStore()));
        var org = await app.CreateOrganisationAsync();
        var service = await app.CreateServiceAsync(org.Id);

        var response = await app.CreateClient().GetAsync($"/fr/services/{service.Id}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Un problème est survenu de notre côté", page);
        Assert.Contains("<html lang=\"fr\">", page);
        Assert.DoesNotContain("store is down", page);
    }

    /// <summary>A backlog store whose board cannot be read, as when the store is unreachable.</summary>
    private sealed class FailingBacklogStore : IBacklogStore
    {
        public Task<bool> TryAddAsync(BacklogItem item, BacklogWrite write, CancellationToken ct = default) => throw new InvalidOperationException("store is down");
        public Task<bool> TryUpdateAsync(BacklogItem item, int expectedVersion, BacklogWrite write, CancellationToken ct = default) => throw new InvalidOperationException("store is down");
        public Task<BacklogItem?> GetAsync(string id, CancellationToken ct = default) => throw new InvalidOperationException("store is down");
        public Task<IReadOnlyList<BacklogItem>> ListAsync(string organisationId, BacklogStatus? status, int max, CancellationToken ct = default) => throw new InvalidOperationException("store is down");
        public Task<IReadOnlyList<BacklogEvent>> ReadEventsAsync(long sequence, int max, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<BacklogEvent>>([]);
    }
}
