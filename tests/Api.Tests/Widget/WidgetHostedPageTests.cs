using System.Net;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Common;
using Engagement.Core.Widgets;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Engagement.Api.Tests.Widget;

/// <summary>
/// The no-JavaScript path: <c>/widget/{key}/rate</c> is a plain HTML form under a strict policy, its post redirects
/// to the thank-you page or shows the form again with its errors, and nothing is stored unless it redirects.
/// </summary>
public sealed class WidgetHostedPageTests(WidgetHost host) : IClassFixture<WidgetHost>
{
    private const string Markup = "<script>alert(1)</script><img src=x onerror=alert(1)>";

    /// <summary>The platform's own origin as TestServer serves it: the hosted form posts from here.</summary>
    private const string Platform = "http://localhost";

    private readonly EngagementAppFactory _app = host.App;
    private readonly HttpClient _client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_rate_page_is_html_in_english_by_default_under_a_strict_policy_without_script()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.GetAsync(widget.RatePagePath + "?page=" + Uri.EscapeDataString("https://www.example.ca/en/passport?case=1"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        AssertStrictPolicy(response);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Rate this service", html, StringComparison.Ordinal);
        Assert.Contains("How was your experience?", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"page\" value=\"https://www.example.ca/en/passport\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("case=1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Null(response.Header("Set-Cookie"));
    }

    [Fact]
    public async Task The_rate_page_speaks_french_when_asked()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.GetAsync(widget.RatePagePath + "?lang=fr");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Évaluez ce service", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Comment s’est passée votre expérience?", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Envoyer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rate this service", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wk_AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    public async Task The_rate_page_of_an_unknown_key_is_404(string key)
    {
        using var response = await _client.GetAsync($"/widget/{key}/rate");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_rate_page_of_a_disabled_key_is_404_and_its_form_stores_nothing()
    {
        var widget = await host.CreateWidgetAsync();
        await _app.SetWidgetKeyEnabledAsync(widget, false);

        using var page = await _client.GetAsync(widget.RatePagePath);
        using var post = await PostFormAsync(widget, WidgetHttp.Form(("score", "5")), Platform);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Theory]
    [InlineData(Platform)]
    [InlineData(null)]
    public async Task A_valid_form_from_the_platforms_own_page_redirects_to_the_thank_you_page_and_is_stored(string? origin)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await PostFormAsync(widget, WidgetHttp.Form(
            ("score", "2"), ("comment", "Too long a wait."), ("page", "https://www.example.ca/en/passport"), ("lang", "fr"), ("website", "")), origin);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/widget/{widget.PublicKey}/thanks?", location, StringComparison.Ordinal);
        var rating = Assert.Single(await _app.RatingsAsync(widget.ServiceId));
        Assert.Equal(2, rating.Score);
        Assert.Equal("Too long a wait.", rating.Comment);
        Assert.Equal("https://www.example.ca/en/passport", rating.PageUrl);
        Assert.Equal("fr", rating.Language);
        Assert.Equal(widget.Key.Id, rating.WidgetKeyId);

        using var thanks = await _client.GetAsync(location);
        var html = await thanks.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Equal("text/html", thanks.Content.Headers.ContentType?.MediaType);
        AssertStrictPolicy(thanks);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Merci", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.example.ca/en/passport\"", html, StringComparison.Ordinal);
        await _app.AssertRatingCountAsync(widget.ServiceId, 1);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://www.example.ca")]
    public async Task A_form_posted_from_another_site_is_403_and_nothing_is_stored(string origin)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await PostFormAsync(widget, WidgetHttp.Form(("score", "5")), origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_form_posted_with_origin_null_as_browsers_send_it_from_a_no_referrer_page_is_accepted()
    {
        // Browsers send "Origin: null" from pages that send no referrer (an older copy of the page, a privacy setting); the
        // hosted form accepts it as it accepts no Origin at all.
        var widget = await host.CreateWidgetAsync();

        using var page = await _client.GetAsync(widget.RatePagePath);
        using var response = await PostFormAsync(widget, WidgetHttp.Form(("score", "5")), "null");

        Assert.Equal("same-origin", page.Header("Referrer-Policy"));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await _app.AssertRatingCountAsync(widget.ServiceId, 1);
    }

    [Fact]
    public async Task A_form_without_a_score_is_shown_again_with_an_error_summary_and_the_comment_kept_encoded()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await PostFormAsync(widget, WidgetHttp.Form(("comment", "Kept & \"quoted\" <3"), ("lang", "en")), Platform);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        AssertStrictPolicy(response);
        Assert.Contains("class=\"eng-error-summary\" role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Choose a rating from 1 to 5.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#score\"", html, StringComparison.Ordinal);
        Assert.Contains("Kept &amp; &quot;quoted&quot; &lt;3</textarea>", html, StringComparison.Ordinal);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("five")]
    public async Task A_form_with_a_score_out_of_range_is_shown_again_with_its_error_and_nothing_is_stored(string score)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await PostFormAsync(widget, WidgetHttp.Form(("score", score)), Platform);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose a rating from 1 to 5.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", html, StringComparison.Ordinal);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_form_with_a_comment_over_1000_characters_is_shown_again_with_the_comment_error()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await PostFormAsync(widget, WidgetHttp.Form(("score", "4"), ("comment", new string('a', 1001))), Platform);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Your comment is too long", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#comment\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"4\" checked", html, StringComparison.Ordinal);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task Markup_in_a_comment_is_rendered_encoded_never_as_markup()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await PostFormAsync(widget, WidgetHttp.Form(("comment", Markup)), Platform);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task Markup_in_a_valid_form_is_stored_as_text()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await PostFormAsync(widget, WidgetHttp.Form(("score", "3"), ("comment", Markup)), Platform);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(Markup, Assert.Single(await _app.RatingsAsync(widget.ServiceId)).Comment);
    }

    [Fact]
    public async Task A_filled_honeypot_is_400_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await PostFormAsync(widget, WidgetHttp.Form(("score", "5"), ("website", "http://spam.example")), Platform);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_form_that_is_not_form_encoded_is_refused_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.SendAsync(WidgetHttp.Post(widget.RatePagePath, """{"score":5}""", "application/json", Platform));

        Assert.InRange((int)response.StatusCode, 400, 499);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_one_megabyte_form_is_413_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await PostFormAsync(widget, WidgetHttp.Form(("score", "4"), ("comment", new string('x', 1024 * 1024))), Platform);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_form_that_does_not_match_the_keys_page_pattern_is_shown_again_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync(pagePattern: "https://www.example.ca/en/services/*");

        using var response = await PostFormAsync(widget, WidgetHttp.Form(("score", "5"), ("page", "https://www.example.ca/fr/autre")), Platform);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This rating cannot be counted for that page.", html, StringComparison.Ordinal);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_hosted_rating_is_never_counted_for_a_page_on_a_site_the_key_does_not_allow()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await PostFormAsync(widget, WidgetHttp.Form(("score", "1"), ("page", "https://evil.example/en/passport")), Platform);

        Assert.InRange((int)response.StatusCode, 300, 499);
        Assert.DoesNotContain(await _app.RatingsAsync(widget.ServiceId), r => r.PageUrl is not null && r.PageUrl.StartsWith("https://evil.example", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("https://www.example.ca.evil.example/en")]
    [InlineData("javascript:alert(1)")]
    public async Task The_thank_you_page_offers_no_way_back_to_a_page_off_the_keys_sites(string page)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.GetAsync($"/widget/{widget.PublicKey}/thanks?lang=en&page={Uri.EscapeDataString(page)}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thank you", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Back to the page you were on", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_thank_you_page_links_back_to_a_page_on_the_keys_site_without_its_query()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.GetAsync($"/widget/{widget.PublicKey}/thanks?lang=en&page={Uri.EscapeDataString("https://www.example.ca/en/passport?case=9")}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"https://www.example.ca/en/passport\">Back to the page you were on</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rate_page_follows_the_browsers_language_and_the_keys_own_language_before_it()
    {
        var widget = await host.CreateWidgetAsync();
        var french = await host.CreateWidgetAsync();
        Assert.True((await _app.Get<UpdateWidgetKey>().ExecuteAsync(new UpdateWidgetKey.Request(french.Key.Id, Language: "fr"), Actor.System)).Succeeded);

        using var browserFrench = await GetInLanguageAsync(widget.RatePagePath, "fr-CA,fr;q=0.9,en;q=0.5");
        using var keyFrench = await GetInLanguageAsync(french.RatePagePath, "en-CA,en;q=0.9");
        using var askedEnglish = await GetInLanguageAsync(french.RatePagePath + "?lang=en", "fr-CA");

        Assert.Contains("<html lang=\"fr\">", await browserFrench.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", await keyFrench.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", await askedEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rate")]
    [InlineData("thanks")]
    [InlineData("demo")]
    public async Task The_html_pages_answer_a_host_header_with_an_invalid_port_without_a_5xx(string page)
    {
        // Kestrel passes "Host: localhost:99999" through to the application (checked by hand against a real server).
        var widget = await host.CreateWidgetAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, page == "demo" ? "/widget/demo" : $"/widget/{widget.PublicKey}/{page}");
        request.Headers.TryAddWithoutValidation("Host", "localhost:99999");

        using var response = await _client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Fact]
    public async Task A_form_naming_a_page_on_an_ipv6_address_gets_no_5xx_and_is_never_counted_for_that_page()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await PostFormAsync(widget, WidgetHttp.Form(("score", "5"), ("page", "http://[::1]/en")), Platform);

        Assert.InRange((int)response.StatusCode, 300, 499);
        Assert.All(await _app.RatingsAsync(widget.ServiceId), r => Assert.Null(r.PageUrl));
    }

    private async Task<HttpResponseMessage> GetInLanguageAsync(string path, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        return await _client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostFormAsync(TestWidget widget, string body, string? origin)
    {
        using var request = WidgetHttp.Post(widget.RatePagePath, body, origin: origin);
        return await _client.SendAsync(request);
    }

    private static void AssertStrictPolicy(HttpResponseMessage response)
    {
        var policy = response.Header("Content-Security-Policy");
        Assert.NotNull(policy);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
    }
}
