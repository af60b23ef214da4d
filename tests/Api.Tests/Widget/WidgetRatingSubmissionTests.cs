using System.Net;
using Engagement.Api.Tests.Hosting;

namespace Engagement.Api.Tests.Widget;

/// <summary>
/// <c>POST /widget/{key}/ratings</c>: a valid rating is stored once; every bad one gets its clear 4xx and nothing is
/// stored (docs/widget.md, issue 5 "Bad input").
/// </summary>
public sealed class WidgetRatingSubmissionTests(WidgetHost host) : IClassFixture<WidgetHost>
{
    private const string Markup = "<script>alert(1)</script><img src=x onerror=alert(1)>";

    private readonly EngagementAppFactory _app = host.App;
    private readonly HttpClient _client = host.App.CreateClient();

    [Fact]
    public async Task A_valid_rating_is_stored_with_its_page_reduced_to_its_path_its_key_and_its_language()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(
            ("score", "4"), ("comment", "Quick and clear."), ("page", "https://www.example.ca/en/passport?case=12345#top"), ("lang", "fr"), ("website", "")));
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(WidgetApps.Site, response.Header("Access-Control-Allow-Origin"));
        Assert.Contains("Origin", response.Headers.Vary);
        Assert.Null(response.Header("Set-Cookie"));
        var rating = Assert.Single(await _app.RatingsAsync(widget.ServiceId));
        Assert.Equal(body.GetProperty("id").GetString(), rating.Id);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("summary").ValueKind);
        Assert.Equal(4, rating.Score);
        Assert.Equal("Quick and clear.", rating.Comment);
        Assert.Equal("https://www.example.ca/en/passport", rating.PageUrl);
        Assert.Equal(widget.Key.Id, rating.WidgetKeyId);
        Assert.Equal("fr", rating.Language);
        Assert.Null(rating.ParticipantId);
        await _app.AssertRatingCountAsync(widget.ServiceId, 1);
    }

    [Fact]
    public async Task A_rating_through_a_key_that_shows_the_average_answers_the_new_summary()
    {
        var widget = await host.CreateWidgetAsync(showAverage: true);
        await _client.RateAsync(widget, 2);

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5")));
        var summary = (await response.JsonAsync()).GetProperty("summary");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, summary.GetProperty("count").GetInt64());
        Assert.Equal(3.5, summary.GetProperty("average").GetDouble(), 3);
    }

    [Theory]
    [InlineData("wk_AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("wk_short")]
    [InlineData("wk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("wk_AAAAAAAAAAAAAAAAAAAAAA%C3%A9")]
    public async Task A_rating_for_an_unknown_or_malformed_key_is_404(string key)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget with { Key = widget.Key with { Key = key } }, WidgetHttp.Form(("score", "5")));

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "key");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_rating_for_a_disabled_key_is_404_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync();
        await _app.SetWidgetKeyEnabledAsync(widget, false);

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5")));

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "key");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://www.example.ca.evil.example")]
    [InlineData("http://www.example.ca")]
    public async Task A_rating_from_an_origin_the_key_does_not_allow_is_403_and_nothing_is_stored(string origin)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5")), origin);

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "origin");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_rating_with_the_opaque_origin_null_is_403_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5")), "null",
            r => r.Headers.Referrer = new Uri("https://www.example.ca/en/page"));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "origin");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_rating_with_neither_origin_nor_referer_is_403_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5")), origin: null);

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "origin");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_rating_without_origin_but_with_a_referer_on_an_allowed_origin_is_accepted()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "3")), origin: null,
            r => r.Headers.Referrer = new Uri("https://www.example.ca/en/passport?x=1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await _app.AssertRatingCountAsync(widget.ServiceId, 1);
    }

    [Fact]
    public async Task A_rating_without_origin_and_with_a_referer_on_another_site_is_403_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "3")), origin: null,
            r => r.Headers.Referrer = new Uri("https://evil.example/www.example.ca"));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "origin");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Theory]
    [InlineData("score=0")]
    [InlineData("score=6")]
    [InlineData("score=-1")]
    [InlineData("score=five")]
    [InlineData("score=4.0")]
    [InlineData("score=+4")]
    [InlineData("score=%204")]
    [InlineData("score=4%20")]
    [InlineData("score=%EF%BC%94")]
    [InlineData("score=99999999999999999999")]
    [InlineData("score=")]
    [InlineData("comment=no+score")]
    [InlineData("score=4&score=4")]
    [InlineData("score=4&score=5")]
    public async Task A_score_that_is_not_one_integer_from_1_to_5_is_400_naming_the_score_and_nothing_is_stored(string body)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION", "score");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_comment_given_twice_is_400_naming_the_comment_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "4"), ("comment", "one"), ("comment", "two")));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION", "comment");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_one_megabyte_comment_with_a_content_length_is_413_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "4"), ("comment", new string('x', 1024 * 1024))));

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "TOO_LARGE");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_body_over_the_16_KiB_limit_is_413_even_when_every_field_would_pass()
    {
        var widget = await host.CreateWidgetAsync();
        // A field the form does not know, so only the body's size can refuse it.
        var body = WidgetHttp.Form(("score", "4"), ("filler", new string('x', 16 * 1024)));

        using var response = await _client.PostRatingAsync(widget, body);

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "TOO_LARGE");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_comment_of_1000_characters_is_accepted_and_one_of_1001_is_400_naming_the_comment()
    {
        var widget = await host.CreateWidgetAsync();

        using var longest = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "4"), ("comment", new string('é', 1000))));
        using var tooLong = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "4"), ("comment", new string('a', 1001))));

        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        await tooLong.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION", "comment");
        await _app.AssertRatingCountAsync(widget.ServiceId, 1);
    }

    [Fact]
    public async Task A_comment_of_1000_four_byte_characters_fits_in_the_body_limit()
    {
        var widget = await host.CreateWidgetAsync();
        var comment = string.Concat(Enumerable.Repeat("😀", 1000));

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "4"), ("comment", comment)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(comment, Assert.Single(await _app.RatingsAsync(widget.ServiceId)).Comment);
    }

    [Fact]
    public async Task Markup_and_script_in_a_comment_are_stored_exactly_as_text_and_not_echoed_in_the_answer()
    {
        var widget = await host.CreateWidgetAsync(showAverage: true);

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "2"), ("comment", Markup)));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Markup, Assert.Single(await _app.RatingsAsync(widget.ServiceId)).Comment);
    }

    [Fact]
    public async Task A_filled_honeypot_is_400_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5"), ("website", "http://spam.example")));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION", "website");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_honeypot_given_twice_even_empty_is_400_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, "score=5&website=&website=");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION", anyField: true);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/x-www-form-urlencoded-not")]
    [InlineData(null)]
    public async Task A_body_that_is_not_form_encoded_is_415_and_nothing_is_stored(string? contentType)
    {
        var widget = await host.CreateWidgetAsync();
        var body = contentType switch
        {
            "application/json" => """{"score":5}""",
            "multipart/form-data; boundary=x" => "--x\r\nContent-Disposition: form-data; name=\"score\"\r\n\r\n5\r\n--x--\r\n",
            _ => "score=5",
        };

        using var response = await _client.SendAsync(WidgetHttp.Post(widget.RatingsPath, body, contentType));

        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_form_type_in_capitals_with_a_charset_is_accepted()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.SendAsync(WidgetHttp.Post(widget.RatingsPath, "score=5", "Application/X-WWW-Form-Urlencoded; charset=UTF-8"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("score=%ZZ&comment=%E0%A4%A", false)]
    [InlineData("%%%=&&&==", false)]
    [InlineData("score=5&comment=%E0%A4%A", true)]
    [InlineData("score=5&comment=%", true)]
    [InlineData("score=5&=&=x", true)]
    public async Task Malformed_percent_encoding_gets_a_4xx_or_is_kept_literally_as_browsers_parse_it_never_a_5xx(string body, bool scored)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, body);

        if (scored)
        {
            // An escape that is not one is text, by the URL standard's form parser: kept as written, never half-decoded.
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var comment = Assert.Single(await _app.RatingsAsync(widget.ServiceId)).Comment;
            Assert.True(comment is null || body.EndsWith("comment=" + comment, StringComparison.Ordinal), comment);
        }
        else
        {
            await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION", "score");
            await _app.AssertNothingStoredAsync(widget.ServiceId);
        }
    }

    [Fact]
    public async Task A_comment_of_invalid_utf8_bytes_is_400_and_nothing_is_stored()
    {
        var widget = await host.CreateWidgetAsync();
        byte[] body = [.. "score=5&comment="u8, 0xC3, 0x28, 0xFF, 0xFE, .. "ok"u8];

        using var response = await _client.SendAsync(WidgetHttp.Post(widget.RatingsPath, body));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION", anyField: true);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Theory]
    [InlineData("https://evil.example/en/passport")]
    [InlineData("http://www.example.ca/en/passport")]
    public async Task A_page_on_a_site_the_key_does_not_allow_is_403_naming_the_page_and_nothing_is_stored(string page)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5"), ("page", page)));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "page");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Theory]
    [InlineData("https://www.example.ca/fr/services/passport")]
    [InlineData("https://www.example.ca/en/other/passport")]
    [InlineData(null)]
    public async Task A_page_that_does_not_match_the_keys_page_pattern_is_403_and_nothing_is_stored(string? page)
    {
        var widget = await host.CreateWidgetAsync(pagePattern: "https://www.example.ca/en/services/*");
        var body = page is null ? WidgetHttp.Form(("score", "5")) : WidgetHttp.Form(("score", "5"), ("page", page));

        using var response = await _client.PostRatingAsync(widget, body);

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "page");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_page_that_matches_the_keys_page_pattern_is_accepted()
    {
        var widget = await host.CreateWidgetAsync(pagePattern: "https://www.example.ca/en/services/*");

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5"), ("page", "https://www.example.ca/en/services/passport?q=1")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("https://www.example.ca/en/services/passport", Assert.Single(await _app.RatingsAsync(widget.ServiceId)).PageUrl);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/en/passport")]
    [InlineData("ftp://www.example.ca/file")]
    public async Task A_page_that_is_not_an_absolute_http_address_is_400_naming_the_page_and_nothing_is_stored(string page)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5"), ("page", page)));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION", "page");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_page_address_over_2048_characters_once_encoded_is_400_naming_the_page_as_the_contract_says()
    {
        var widget = await host.CreateWidgetAsync();
        // 2,040 characters as typed, but every 'é' takes six once percent-encoded.
        var page = "https://www.example.ca/" + new string('é', 10) + new string('p', 2040 - 10 - "https://www.example.ca/".Length);

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5"), ("page", page)));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION", "page");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("EN")]
    [InlineData("<b>")]
    public async Task A_language_other_than_en_or_fr_is_400_naming_the_lang_field_and_nothing_is_stored(string language)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5"), ("lang", language)));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION", "lang");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Theory]
    [InlineData("no origin")]
    [InlineData("origin null")]
    [InlineData("foreign origin")]
    [InlineData("unknown key")]
    [InlineData("score")]
    [InlineData("comment")]
    [InlineData("honeypot")]
    [InlineData("page")]
    [InlineData("lang")]
    [InlineData("too large")]
    [InlineData("media type")]
    public async Task Every_refusal_the_widget_shows_carries_a_message_in_english_and_in_french(string refusal)
    {
        var widget = await host.CreateWidgetAsync();
        var form = WidgetHttp.Form(("score", "5"));

        using var response = refusal switch
        {
            "no origin" => await _client.PostRatingAsync(widget, form, origin: null),
            "origin null" => await _client.PostRatingAsync(widget, form, "null"),
            "foreign origin" => await _client.PostRatingAsync(widget, form, "https://evil.example"),
            "unknown key" => await _client.PostRatingAsync(widget with { Key = widget.Key with { Key = "wk_AAAAAAAAAAAAAAAAAAAAAAA" } }, form),
            "score" => await _client.PostRatingAsync(widget, "score=9"),
            "comment" => await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5"), ("comment", new string('a', 1001)))),
            "honeypot" => await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5"), ("website", "x"))),
            "page" => await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5"), ("page", "https://evil.example/"))),
            "lang" => await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5"), ("lang", "de"))),
            "too large" => await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5"), ("comment", new string('a', 100_000)))),
            _ => await _client.SendAsync(WidgetHttp.Post(widget.RatingsPath, "score=5", "text/plain")),
        };
        var error = (await response.JsonAsync()).GetProperty("error");

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("messageFr").GetString()), $"{refusal}: {error}");
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Theory]
    [InlineData("score=9", "application/x-www-form-urlencoded")]
    [InlineData("score=5&page=https%3A%2F%2Fevil.example%2F", "application/x-www-form-urlencoded")]
    [InlineData("score=5", "text/plain")]
    public async Task Refusals_to_an_allowed_origin_carry_the_cors_headers_so_the_widget_can_read_them(string body, string contentType)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.SendAsync(WidgetHttp.Post(widget.RatingsPath, body, contentType));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(WidgetApps.Site, response.Header("Access-Control-Allow-Origin"));
        Assert.Contains("Origin", response.Headers.Vary);
        Assert.Null(response.Header("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("\"")]
    [InlineData("utf-16")]
    public async Task A_form_with_a_charset_the_platform_cannot_read_is_refused_with_a_4xx_and_nothing_is_stored(string charset)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.SendAsync(WidgetHttp.Post(widget.RatingsPath, "score=5", $"{WidgetHttp.FormType}; charset={charset}"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.False(string.IsNullOrEmpty((await response.JsonAsync()).GetProperty("error").GetProperty("code").GetString()));
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Theory]
    [InlineData("http://[::1]/en/passport")]
    [InlineData("http://[fe80::1%25eth0]/x")]
    public async Task A_page_on_an_ipv6_address_is_refused_with_a_4xx_and_nothing_is_stored(string page)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "5"), ("page", page)));

        Assert.InRange((int)response.StatusCode, 400, 499);
        await _app.AssertNothingStoredAsync(widget.ServiceId);
    }
}
