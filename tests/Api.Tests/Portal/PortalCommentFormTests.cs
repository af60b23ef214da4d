using System.Net;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Consultations;
using Engagement.Core.Participants;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// Commenting from a consultation's page without script: the browser's anonymous participant is made on its first
/// comment and kept in a cookie; errors come back next to the field with what was typed kept; other sites cannot post.
/// </summary>
public sealed class PortalCommentFormTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    private HttpClient Browser() => _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<IReadOnlyList<Core.Comments.Comment>> CommentsAsync(string consultationId) =>
        (await _app.Get<Core.Comments.ICommentStore>().ListTopLevelAsync(consultationId, null, Core.Common.PageRequest.First(100))).Items;

    private static FormUrlEncodedContent Form(string text, string email = "") => new([new("text", text), new("email", email)]);

    [Fact]
    public async Task A_comment_posted_from_the_page_is_published_and_the_browser_keeps_its_participant()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var browser = Browser();
        var path = $"/fr/consultations/{consultation.Id}";

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(path));
        var first = await browser.PostAsync($"{path}/comments", Form("Des pistes sur la rue Principale, s’il vous plaît."));
        var second = await browser.PostAsync($"{path}/comments", Form("Et des supports à vélos."));
        var after = WebUtility.HtmlDecode(await browser.GetStringAsync(first.Headers.Location!.ToString()));

        Assert.Contains("<label for=\"comment-text\">Votre commentaire</label>", page);
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal($"{path}?posted=published#add-comment", first.Headers.Location!.ToString());
        Assert.Contains("HttpOnly", string.Join(";", first.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.False(second.Headers.Contains("Set-Cookie"), "The second comment made a second participant.");
        Assert.Contains("Merci : votre commentaire est publié.", after);
        Assert.Contains("Des pistes sur la rue Principale, s’il vous plaît.", after);
        var comments = await CommentsAsync(consultation.Id);
        Assert.Equal(2, comments.Count);
        Assert.Single(comments.Select(c => c.ParticipantId).Distinct());
    }

    [Fact]
    public async Task A_form_with_errors_comes_back_saying_what_to_fix_with_what_was_typed_and_nothing_is_stored()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var path = $"/en/consultations/{consultation.Id}";

        var response = await Browser().PostAsync($"{path}/comments", Form("   ", "not <an> address"));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\"", page);
        Assert.Contains("<a href=\"#comment-text\">Write your comment, in at most 4000 characters.</a>", page);
        Assert.Contains("aria-describedby=\"comment-error comment-hint\"", page);
        Assert.Contains("value=\"not <an> address\"", page);
        Assert.DoesNotContain("value=\"not <an> address\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(await CommentsAsync(consultation.Id));
    }

    [Fact]
    public async Task Another_site_cannot_post_and_a_closed_consultation_takes_no_comment()
    {
        var org = await _app.CreateOrganisationAsync();
        var open = await _app.CreateOpenConsultationAsync(org.Id);
        var closed = await _app.CreateClosedConsultationAsync(org.Id);
        var foreign = new HttpRequestMessage(HttpMethod.Post, $"/en/consultations/{open.Id}/comments") { Content = Form("Hello") };
        foreign.Headers.Add("Origin", "https://evil.example");

        var refused = await Browser().SendAsync(foreign);
        var closedPage = WebUtility.HtmlDecode(await Browser().GetStringAsync($"/en/consultations/{closed.Id}"));
        var closedPost = await Browser().PostAsync($"/en/consultations/{closed.Id}/comments", Form("Too late"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("<form", closedPage);
        Assert.Equal(HttpStatusCode.BadRequest, closedPost.StatusCode);
        Assert.Contains("This consultation is not taking comments now.", WebUtility.HtmlDecode(await closedPost.Content.ReadAsStringAsync()));
        Assert.Empty(await CommentsAsync(open.Id));
        Assert.Empty(await CommentsAsync(closed.Id));
    }

    [Fact]
    public async Task From_the_page_a_citizen_replies_agrees_takes_it_back_and_reports_a_comment_once()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var author = (await _app.Get<RegisterAnonymousParticipant>().ExecuteAsync()).Value.Participant;
        var comment = (await _app.Get<Core.Comments.PostComment>().ExecuteAsync(new(consultation.Id, author.Id, "Lanes on Main, please.", "en"))).Value;
        var browser = Browser();
        var path = $"/en/consultations/{consultation.Id}";
        var actions = $"{path}/comments/{comment.Id}";

        var replied = await browser.PostAsync($"{path}/comments", new FormUrlEncodedContent([new("text", "Yes, and on King Street."), new("parentId", comment.Id)]));
        var agreed = await browser.PostAsync($"{actions}/reaction", new FormUrlEncodedContent([new("reaction", "Agree")]));
        var afterAgree = WebUtility.HtmlDecode(await browser.GetStringAsync(agreed.Headers.Location!.ToString()));
        var undone = await browser.PostAsync($"{actions}/reaction", new FormUrlEncodedContent([new("reaction", "None")]));
        var reported = await browser.PostAsync($"{actions}/report", new FormUrlEncodedContent([new("reason", "OffTopic")]));
        var again = await browser.PostAsync($"{actions}/report", new FormUrlEncodedContent([new("reason", "Spam")]));
        var bogus = await browser.PostAsync($"{actions}/reaction", new FormUrlEncodedContent([new("reaction", "Love")]));

        Assert.Equal(HttpStatusCode.SeeOther, replied.StatusCode);
        Assert.Equal($"{path}?done=reacted#comment-{comment.Id}", agreed.Headers.Location!.ToString());
        Assert.Contains(">1 agree</span>", afterAgree);
        Assert.Contains("aria-pressed=\"true\" aria-describedby=\"text-" + comment.Id + "\">Agree</button>", afterAgree);
        Assert.Contains("Your reaction is recorded.", afterAgree);
        Assert.Equal(HttpStatusCode.SeeOther, undone.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, reported.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("You have already reported this comment.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        var thread = (await _app.Get<Core.Comments.ListComments>().ExecuteAsync(new(consultation.Id))).Value.Items.Single();
        Assert.Equal((0L, 0L, "Yes, and on King Street."), (thread.Agree, thread.Disagree, Assert.Single(thread.Replies).Comment.Text));
    }

    [Fact]
    public async Task On_a_consultation_that_asks_for_a_confirmed_address_the_browser_confirms_one_and_then_comments_as_the_same_participant()
    {
        var org = await _app.CreateOrganisationAsync();
        var draft = (await _app.Get<CreateConsultation>().ExecuteAsync(new(org.Id, $"v-{Guid.NewGuid():N}"[..20], Core.Common.LocalizedText.EnFr("Verified", "Vérifiée"), Core.Common.LocalizedText.EnFr("S", "R"), Core.Common.LocalizedText.EnFr("B", "C"),
            IdentityPolicy: IdentityPolicy.VerifiedEmailRequired), Core.Common.Actor.System)).Value;
        var consultation = (await _app.Get<OpenConsultation>().ExecuteAsync(new(draft.Id), Core.Common.Actor.System)).Value;
        var browser = Browser();
        var path = $"/en/consultations/{consultation.Id}";
        var address = Participants.SignInLinks.NewAddress();

        var refused = await browser.PostAsync($"{path}/comments", Form("Before confirming."));
        var asked = await browser.PostAsync("/en/verify-email/request", new FormUrlEncodedContent([new("email", address)]));
        var (_, token) = await Participants.SignInLinks.LinkSentToAsync(_app, address);
        var used = await browser.PostAsync("/en/verify-email", new FormUrlEncodedContent([new("token", token)]));
        var posted = await browser.PostAsync($"{path}/comments", Form("After confirming."));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("/en/verify-email/request", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.SeeOther, asked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        // The anonymous participant the refused comment made is the one the link verified: no new one is handed out.
        Assert.False(used.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var comment = Assert.Single(await CommentsAsync(consultation.Id));
        var author = await _app.Get<IParticipantStore>().GetAsync(comment.ParticipantId);
        Assert.Equal((address, true), (author!.Email, author.HasVerifiedEmail));
    }
}
