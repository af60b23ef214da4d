using System.Net;
using System.Text.RegularExpressions;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Common;
using Engagement.Core.Email;
using Engagement.Core.Participants;
using Microsoft.AspNetCore.Mvc.Testing;
using static Engagement.Api.Tests.Participants.SignInLinks;

namespace Engagement.Api.Tests.Participants;

/// <summary>
/// The email verification pages through the running host, without JavaScript: asking for a link, the page the link
/// opens (a button, since opening must not use the link), using it once, and the clear pages for a link expired, used,
/// or forged, in English and French.
/// </summary>
public sealed partial class EmailVerificationPageTests(SharedHost host) : IClassFixture<SharedHost>
{
    private const string FormType = "application/x-www-form-urlencoded";

    private readonly EngagementAppFactory _app = host.App;
    private readonly HttpClient _client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpResponseMessage> PostFormAsync(string path, string? origin = null, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}")),
                System.Text.Encoding.UTF8, FormType),
        };
        if (origin is not null)
            request.Headers.TryAddWithoutValidation("Origin", origin);
        return await _client.SendAsync(request);
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static void AssertPage(HttpResponseMessage response, HttpStatusCode status, bool keepsParticipant = false)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("same-origin", string.Join("", response.Headers.GetValues("Referrer-Policy")));
        if (keepsParticipant)
            Assert.Matches("^engagement_participant=[^;]+;.*httponly", Assert.Single(response.Headers.GetValues("Set-Cookie")));
        else
            Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    /// <summary>Asks for a link through the request page, as a person does, and returns the link's path and token.</summary>
    private async Task<(string Path, string Token)> AskForLinkAsync(string address, string lang = "en")
    {
        using var response = await PostFormAsync($"/{lang}/verify-email/request", fields: ("email", address));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/{lang}/verify-email/sent", response.Headers.Location?.OriginalString);
        return await LinkSentToAsync(_app, address);
    }

    [Fact]
    public async Task Asking_for_a_link_opening_it_and_pressing_the_button_confirms_the_address_once()
    {
        var address = NewAddress();

        var (path, token) = await AskForLinkAsync(address);
        using var sent = await _client.GetAsync("/en/verify-email/sent");
        using var opened = await _client.GetAsync(path);
        using var openedAgain = await _client.GetAsync(path);
        var openedHtml = await HtmlAsync(opened);
        using var used = await PostFormAsync("/en/verify-email", fields: ("token", token));
        var usedHtml = await HtmlAsync(used);
        using var usedAgain = await PostFormAsync("/en/verify-email", fields: ("token", token));
        using var openedAfter = await _client.GetAsync(path);

        AssertPage(sent, HttpStatusCode.OK);
        Assert.Contains("Check your email", await HtmlAsync(sent), StringComparison.Ordinal);
        Assert.StartsWith("/en/verify-email?token=", path, StringComparison.Ordinal);
        AssertPage(opened, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, openedAgain.StatusCode);
        Assert.Contains("<html lang=\"en\">", openedHtml, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/en/verify-email\">", openedHtml, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"token\" value=\"{token}\" />", openedHtml, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Confirm my email address</button>", openedHtml, StringComparison.Ordinal);
        Assert.Contains("c***@example.org", openedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(address, openedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", openedHtml, StringComparison.OrdinalIgnoreCase);

        // Asked for with no participant of the browser's own, the link signs in as a new one, which the browser then keeps.
        AssertPage(used, HttpStatusCode.OK, keepsParticipant: true);
        Assert.Contains("Your email address is confirmed", usedHtml, StringComparison.Ordinal);
        var participantToken = ParticipantTokenOn(usedHtml);
        Assert.Contains($"engagement_participant={participantToken};", used.Headers.GetValues("Set-Cookie").Single(), StringComparison.Ordinal);
        var participant = (await _app.Get<FindParticipantByToken>().ExecuteAsync(participantToken)).Value;
        Assert.Equal((address, true), (participant.Email, participant.HasVerifiedEmail));

        AssertPage(usedAgain, HttpStatusCode.Conflict);
        Assert.Contains("This link was already used", await HtmlAsync(usedAgain), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, openedAfter.StatusCode);
    }

    [Fact]
    public async Task Opening_the_link_uses_nothing_however_often_it_is_opened()
    {
        var (path, token) = await AskForLinkAsync(NewAddress());

        for (var i = 0; i < 3; i++)
        {
            using var opened = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        Assert.Null((await _app.Get<IEmailChallengeStore>().GetByTokenHashAsync(SecretTokens.Hash(token)))!.UsedAt);
    }

    [Fact]
    public async Task A_link_asked_for_through_graphql_with_a_participant_token_verifies_that_participant_and_shows_no_new_token()
    {
        var participantToken = await _app.RegisterParticipantAsync();
        var address = NewAddress();
        (await _app.Anonymous().QueryAsync("mutation($email: String!, $token: String) { requestEmailVerification(email: $email, language: \"fr\", participantToken: $token) { email } }",
            new { email = address, token = participantToken })).AssertOk();
        var (path, token) = await LinkSentToAsync(_app, address);

        using var used = await PostFormAsync("/fr/verify-email", fields: ("token", token));
        var html = await HtmlAsync(used);

        Assert.StartsWith("/fr/verify-email?token=", path, StringComparison.Ordinal);
        AssertPage(used, HttpStatusCode.OK);
        Assert.Contains("Votre adresse courriel est confirmée", html, StringComparison.Ordinal);
        Assert.Contains("Retournez à la page où vous avez demandé le lien", html, StringComparison.Ordinal);
        Assert.DoesNotContain("participant-token", html, StringComparison.Ordinal);
        var participant = (await _app.Get<FindParticipantByToken>().ExecuteAsync(participantToken)).Value;
        Assert.Equal((address, true), (participant.Email, participant.HasVerifiedEmail));
    }

    [Fact]
    public async Task An_expired_link_gets_a_page_saying_so_with_a_form_to_ask_for_a_new_one()
    {
        var token = await StoreChallengeAsync(expiresIn: TimeSpan.FromMinutes(-1));

        using var opened = await _client.GetAsync($"/en/verify-email?token={token}");
        using var used = await PostFormAsync("/en/verify-email", fields: ("token", token));
        var html = await HtmlAsync(opened);

        AssertPage(opened, HttpStatusCode.Gone);
        AssertPage(used, HttpStatusCode.Gone);
        Assert.Contains("This link has expired", html, StringComparison.Ordinal);
        Assert.Contains("Links work for 15 minutes", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/en/verify-email/request\" novalidate>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"email\">Email address</label>", html, StringComparison.Ordinal);
        Assert.Contains("This link has expired", await HtmlAsync(used), StringComparison.Ordinal);
        Assert.Null((await _app.Get<IEmailChallengeStore>().GetByTokenHashAsync(SecretTokens.Hash(token)))!.UsedAt);
    }

    [Theory]
    [InlineData("garbled", HttpStatusCode.BadRequest)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", HttpStatusCode.NotFound)]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E", HttpStatusCode.BadRequest)]
    public async Task A_forged_or_garbled_link_gets_a_page_saying_it_is_not_valid(string token, HttpStatusCode status)
    {
        using var opened = await _client.GetAsync($"/en/verify-email?token={token}");
        using var used = await PostFormAsync("/en/verify-email", fields: ("token", Uri.UnescapeDataString(token)));
        var html = await opened.Content.ReadAsStringAsync();

        AssertPage(opened, status);
        AssertPage(used, status);
        Assert.Contains("This link is not valid", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/en/verify-email/request\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("This link is not valid", await HtmlAsync(used), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_opened_without_a_token_or_with_two_is_not_valid()
    {
        using var none = await _client.GetAsync("/en/verify-email");
        using var two = await _client.GetAsync("/en/verify-email?token=a&token=b");
        using var postedNone = await PostFormAsync("/en/verify-email", fields: []);

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, two.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, postedNone.StatusCode);
        Assert.Contains("This link is not valid", await HtmlAsync(postedNone), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_speak_french_under_fr_and_link_to_each_other_language()
    {
        var (path, token) = await AskForLinkAsync(NewAddress(), "fr");

        using var request = await _client.GetAsync("/fr/verify-email/request");
        using var opened = await _client.GetAsync(path);
        using var english = await _client.GetAsync($"/en/verify-email?token={token}");
        var requestHtml = await HtmlAsync(request);
        var openedHtml = await HtmlAsync(opened);

        Assert.Contains("<html lang=\"fr\">", requestHtml, StringComparison.Ordinal);
        Assert.Contains("<label for=\"email\">Adresse courriel</label>", requestHtml, StringComparison.Ordinal);
        Assert.Contains("M’envoyer un lien", requestHtml, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/en/verify-email/request\" lang=\"en\" hreflang=\"en\">English</a>", requestHtml, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", openedHtml, StringComparison.Ordinal);
        Assert.Contains("Confirmer mon adresse courriel", openedHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"/en/verify-email?token={token}\"", openedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirm my", openedHtml, StringComparison.Ordinal);
        Assert.Contains("Confirm my email address", await HtmlAsync(english), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_page_is_an_accessible_form_without_script()
    {
        using var response = await _client.GetAsync("/en/verify-email/request");
        var html = await HtmlAsync(response);

        AssertPage(response, HttpStatusCode.OK);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"email\">Email address</label>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"email-hint\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/fr/verify-email/request\" lang=\"fr\" hreflang=\"fr\">Français</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("", "Enter your email address.")]
    [InlineData("<script>alert(1)</script>", "Enter an email address such as name@example.org.")]
    public async Task A_bad_address_shows_the_form_again_with_an_error_summary_and_the_text_encoded(string email, string message)
    {
        using var response = await PostFormAsync("/en/verify-email/request", fields: ("email", email));
        var raw = await response.Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(raw);

        AssertPage(response, HttpStatusCode.BadRequest);
        Assert.Contains("<div class=\"eng-error-summary\" role=\"alert\" tabindex=\"-1\">", html, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#email\">{message}</a></li>", html, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"email-error\" class=\"eng-error\">{message}</p>", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"email-error email-hint\"", html, StringComparison.Ordinal);
        Assert.StartsWith("There is a problem – ", TitleOf(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        if (email.Length > 0)
            Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_an_unsubscribed_or_capped_address_answers_exactly_as_for_any_other()
    {
        var address = NewAddress();
        for (var i = 0; i < RequestEmailVerification.MaxPerAddress; i++)
        {
            using var accepted = await PostFormAsync("/en/verify-email/request", fields: ("email", address));
            Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        }

        using var capped = await PostFormAsync("/en/verify-email/request", fields: ("email", address));

        Assert.Equal(HttpStatusCode.SeeOther, capped.StatusCode);
        Assert.Equal("/en/verify-email/sent", capped.Headers.Location?.OriginalString);
        Assert.Equal(RequestEmailVerification.MaxPerAddress, (await EmailsToAsync(_app, address)).Count);

        var unsubscribed = NewAddress();
        await _app.Get<IEmailSuppressionStore>().SuppressAsync(MailingList.SignInLinks, EmailAddresses.Hash(unsubscribed), DateTimeOffset.UtcNow);
        using var suppressed = await PostFormAsync("/en/verify-email/request", fields: ("email", unsubscribed));

        Assert.Equal(HttpStatusCode.SeeOther, suppressed.StatusCode);
        Assert.Equal("/en/verify-email/sent", suppressed.Headers.Location?.OriginalString);
        Assert.Empty(await EmailsToAsync(_app, unsubscribed));
    }

    [Fact]
    public async Task A_form_posted_from_another_site_is_refused_and_uses_nothing()
    {
        var (_, token) = await AskForLinkAsync(NewAddress());
        var address = NewAddress();

        using var use = await PostFormAsync("/en/verify-email", "https://evil.example", ("token", token));
        using var ask = await PostFormAsync("/en/verify-email/request", "https://evil.example", ("email", address));

        Assert.Equal(HttpStatusCode.Forbidden, use.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ask.StatusCode);
        Assert.Contains("this platform's own pages", await use.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await _app.Get<IEmailChallengeStore>().GetByTokenHashAsync(SecretTokens.Hash(token)))!.UsedAt);
        Assert.Empty(await EmailsToAsync(_app, address));
    }

    [Fact]
    public async Task A_form_that_is_not_form_encoded_is_refused_with_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/en/verify-email/request")
        {
            Content = new StringContent("{\"email\":\"someone@example.org\"}", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("/de/verify-email?token=x")]
    [InlineData("/graphql/verify-email/request")]
    [InlineData("/EN/verify-email/request")]
    public async Task A_language_the_pages_are_not_written_in_is_404(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_link_in_another_language_the_platform_offers_opens_the_english_page()
    {
        using var app = SharedHost.NewApp().WithSetting("Languages", "en,fr,iu");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var address = NewAddress();
        (await app.Anonymous().QueryAsync("mutation($email: String!) { requestEmailVerification(email: $email, language: \"iu\") { email } }", new { email = address })).AssertOk();
        var (path, _) = await LinkSentToAsync(app, address);

        using var opened = await client.GetAsync(path);
        var html = await HtmlAsync(opened);

        Assert.StartsWith("/iu/verify-email?token=", path, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/en/verify-email\">", html, StringComparison.Ordinal);
    }

    /// <summary>A challenge written straight to the store (as asking would, but with a chosen expiry), and its token.</summary>
    private async Task<string> StoreChallengeAsync(TimeSpan expiresIn)
    {
        var token = SecretTokens.NewToken();
        var now = DateTimeOffset.UtcNow;
        Assert.True(await _app.Get<IEmailChallengeStore>().TryAddAsync(new EmailChallenge
        {
            Id = Ids.New(),
            TokenHash = SecretTokens.Hash(token),
            Address = NewAddress(),
            Language = "en",
            CreatedAt = now - EmailChallenge.Lifetime + expiresIn,
            ExpiresAt = now + expiresIn,
        }, null));
        return token;
    }

    private static string ParticipantTokenOn(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, "No participant token on the page.");
        return match.Groups["token"].Value;
    }

    private static string TitleOf(string html) => TitleElement().Match(html).Groups["title"].Value;

    [GeneratedRegex("<input type=\"text\" id=\"participant-token\" readonly value=\"(?<token>[A-Za-z0-9_-]{43})\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<title>(?<title>[^<]*)</title>")]
    private static partial Regex TitleElement();
}
