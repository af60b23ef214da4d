using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Ratings;
using Engagement.Core.Screening;
using Engagement.Core.Tallies;
using Engagement.Core.Tests.Support;
using Engagement.Core.Widgets;

namespace Engagement.Core.Tests.Widgets;

/// <summary>
/// A citizen rates a service through the widget on a site, or on the hosted rating page: the key, the origin, the page
/// and the honeypot are checked, then the rating is stored as any other rating is. Nothing is stored on a refusal.
/// </summary>
public sealed class SubmitWidgetRatingTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private const string Site = TestPlatform.WidgetSite;
    private const string Page = Site + "/en/services/passport";

    private Task<Result<SubmitWidgetRating.Submitted>> SubmitAsync(
        string key, string? origin = Site, int score = 4, string? comment = null, string? page = Page, string? language = null, string? honeypot = null) =>
        _platform.SubmitWidgetRating.ExecuteAsync(new SubmitWidgetRating.Request(key, origin, score, comment, page, language, honeypot));

    private Task<Result<SubmitWidgetRating.Submitted>> SubmitAsync(
        WidgetKey key, string? origin = Site, int score = 4, string? comment = null, string? page = Page, string? language = null, string? honeypot = null) =>
        SubmitAsync(key.Key, origin, score, comment, page, language, honeypot);

    private async Task<IReadOnlyList<ServiceRating>> RatingsAsync(string serviceId) =>
        (await _platform.Ratings.ListAsync(serviceId, PageRequest.First(PageRequest.MaxLimit))).Items;

    /// <summary>
    /// The submission is refused with exactly this error, and nothing changed: no rating, no tally, no key, no audit
    /// entry, no live topic.
    /// </summary>
    private async Task AssertRefusedAsync(WidgetKey key, Func<Task<Result<SubmitWidgetRating.Submitted>>> submit, string field, string code)
    {
        var before = await _platform.SnapshotAsync(key.OrganisationId);
        _platform.Live.Clear();

        ResultAssert.FailedOnly(await submit(), field, code);

        Assert.Equal(before, await _platform.SnapshotAsync(key.OrganisationId));
        Assert.Empty(await RatingsAsync(key.ServiceId));
        Assert.Empty(_platform.Live.Raised);
    }

    // ---- Accepted ----

    [Fact]
    public async Task Submit_stores_the_rating_for_the_keys_service_with_the_key_it_came_through()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        _platform.Clock.Advance(TimeSpan.FromSeconds(42));

        var submitted = ResultAssert.Succeeded(await SubmitAsync(key, score: 5, comment: "Quick and easy.", language: "en"));

        var stored = Assert.Single(await RatingsAsync(key.ServiceId));
        Assert.Equal(submitted.Rating.Id, stored.Id);
        Assert.Equal(key.Id, submitted.Key.Id);
        Assert.Equal((key.ServiceId, key.OrganisationId, key.Id), (stored.ServiceId, stored.OrganisationId, stored.WidgetKeyId));
        Assert.Equal((5, "Quick and easy.", (CommentStatus?)CommentStatus.Published), (stored.Score, stored.Comment, stored.CommentStatus));
        Assert.Equal((Page, "en", (string?)null), (stored.PageUrl, stored.Language, stored.ParticipantId));
        Assert.Equal(ManualClock.Start.AddSeconds(42), stored.CreatedAt);
    }

    [Fact]
    public async Task Submit_stores_the_page_without_its_query_fragment_or_user_information()
    {
        var key = await _platform.CreateWidgetKeyAsync();

        ResultAssert.Succeeded(await SubmitAsync(key, page: "https://jane:secret@WWW.EXAMPLE.CA:443/en/services/passport?case=A123&email=jane%40mail.ca#status"));

        Assert.Equal(Page, Assert.Single(await RatingsAsync(key.ServiceId)).PageUrl);
    }

    [Fact]
    public async Task Submit_without_a_page_stores_no_page()
    {
        var key = await _platform.CreateWidgetKeyAsync();

        ResultAssert.Succeeded(await SubmitAsync(key, page: null));

        Assert.Null(Assert.Single(await RatingsAsync(key.ServiceId)).PageUrl);
    }

    [Theory]
    [InlineData("fr", "en", "fr")]
    [InlineData("en", "fr", "en")]
    [InlineData(null, "fr", "fr")]
    [InlineData("", "fr", "fr")]
    [InlineData(null, null, "en")]
    [InlineData("", null, "en")]
    [InlineData("fr", null, "fr")]
    public async Task Submit_takes_the_language_of_the_request_else_of_the_key_else_english(string? requested, string? keyLanguage, string expected)
    {
        var key = await _platform.CreateWidgetKeyAsync(language: keyLanguage);

        ResultAssert.Succeeded(await SubmitAsync(key, language: requested));

        Assert.Equal(expected, Assert.Single(await RatingsAsync(key.ServiceId)).Language);
    }

    [Theory]
    [InlineData("https://www.example.ca")]
    [InlineData("https://www.example.ca:443")]
    [InlineData("HTTPS://WWW.EXAMPLE.CA")]
    public async Task Submit_accepts_an_allowed_origin_however_it_is_spelled(string origin)
    {
        var key = await _platform.CreateWidgetKeyAsync();

        ResultAssert.Succeeded(await SubmitAsync(key, origin: origin));
    }

    [Fact]
    public async Task Submit_accepts_a_subdomain_of_a_wildcard_origin_and_a_page_on_it()
    {
        var key = await _platform.CreateWidgetKeyAsync(origins: ["https://*.example.ca"]);

        ResultAssert.Succeeded(await SubmitAsync(key, origin: "https://passports.example.ca", page: "https://passports.example.ca/apply"));
    }

    [Fact]
    public async Task Submit_accepts_a_development_origin_on_any_port_with_a_page_on_that_port()
    {
        var key = await _platform.CreateWidgetKeyAsync(origins: [Site, "http://localhost:*"]);

        ResultAssert.Succeeded(await SubmitAsync(key, origin: "http://localhost:5173", page: "http://localhost:5173/demo"));

        Assert.Equal("http://localhost:5173/demo", Assert.Single(await RatingsAsync(key.ServiceId)).PageUrl);
    }

    [Fact]
    public async Task Submit_accepts_a_page_on_another_allowed_origin_than_the_one_embedding_the_widget()
    {
        var key = await _platform.CreateWidgetKeyAsync(origins: [Site, "https://apply.example.ca"]);

        ResultAssert.Succeeded(await SubmitAsync(key, origin: Site, page: "https://apply.example.ca/start"));
    }

    [Fact]
    public async Task Submit_from_the_hosted_page_has_no_origin_to_check()
    {
        var key = await _platform.CreateWidgetKeyAsync(origins: ["https://only.example.org"]);

        ResultAssert.Succeeded(await SubmitAsync(key, origin: null, page: "https://only.example.org/form"));

        Assert.Single(await RatingsAsync(key.ServiceId));
    }

    [Fact]
    public async Task Submit_accepts_a_page_that_matches_the_keys_pattern()
    {
        var key = await _platform.CreateWidgetKeyAsync(pagePattern: Site + "/en/services/*");

        ResultAssert.Succeeded(await SubmitAsync(key, page: Site + "/en/services/passport/renew?step=2"));

        Assert.Equal(Site + "/en/services/passport/renew", Assert.Single(await RatingsAsync(key.ServiceId)).PageUrl);
    }

    [Fact]
    public async Task Submit_stores_markup_in_the_comment_exactly_as_given()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        const string comment = "<script>alert('x')</script> <b>bold</b> &amp; <img src=x onerror=alert(1)> \"quoted\"";

        ResultAssert.Succeeded(await SubmitAsync(key, comment: comment));

        Assert.Equal(comment, Assert.Single(await RatingsAsync(key.ServiceId)).Comment);
    }

    [Fact]
    public async Task Submit_accepts_a_comment_of_exactly_one_thousand_characters()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        var comment = new string('c', TextLimits.RatingComment);

        ResultAssert.Succeeded(await SubmitAsync(key, comment: comment));

        Assert.Equal(comment, Assert.Single(await RatingsAsync(key.ServiceId)).Comment);
    }

    [Fact]
    public async Task Submit_puts_the_comment_through_screening()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        var screening = ScriptedScreening.Always(ScreeningOutcome.Hold, t => t.Replace("613-555-0199", "[phone]", StringComparison.Ordinal));
        _platform.Screening = screening;

        ResultAssert.Succeeded(await SubmitAsync(key, comment: "Call me at 613-555-0199", language: "fr"));

        var screened = Assert.Single(screening.Screened);
        Assert.Equal((key.OrganisationId, TextKind.RatingComment, "Call me at 613-555-0199", "fr"), (screened.OrganisationId, screened.Kind, screened.Text, screened.Language));
        var stored = Assert.Single(await RatingsAsync(key.ServiceId));
        Assert.Equal(("Call me at [phone]", (CommentStatus?)CommentStatus.Held), (stored.Comment, stored.CommentStatus));
    }

    [Fact]
    public async Task Submit_moves_the_service_tally_and_the_page_tally()
    {
        var key = await _platform.CreateWidgetKeyAsync();

        ResultAssert.Succeeded(await SubmitAsync(key, score: 2, page: Page + "?q=ignored"));
        ResultAssert.Succeeded(await SubmitAsync(key, score: 5, page: Page));

        var service = await _platform.TallyAsync(TallyScopes.Service(key.ServiceId));
        var page = await _platform.TallyAsync(TallyScopes.ServicePage(key.ServiceId, Page));
        foreach (var tally in new[] { service, page })
            Assert.Equal((1L, 1L, 0L), (tally[RatingTallies.ScoreBucket(2)], tally[RatingTallies.ScoreBucket(5)], tally[RatingTallies.ScoreBucket(4)]));
        var summary = ResultAssert.Succeeded(await _platform.GetRatingSummary.ExecuteAsync(key.ServiceId));
        Assert.Equal((2L, 3.5), (summary.Count, summary.Average));
    }

    [Fact]
    public async Task Submit_without_a_page_moves_the_service_tally_only()
    {
        var key = await _platform.CreateWidgetKeyAsync();

        ResultAssert.Succeeded(await SubmitAsync(key, score: 3, page: null));

        Assert.Equal(1, (await _platform.TallyAsync(TallyScopes.Service(key.ServiceId)))[RatingTallies.ScoreBucket(3)]);
        Assert.Empty(ResultAssert.Succeeded(await _platform.ListPageRatings.ExecuteAsync(new ListPageRatings.Request(key.ServiceId))));
    }

    [Fact]
    public async Task Submit_raises_the_services_live_topic()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        _platform.Live.Clear();

        ResultAssert.Succeeded(await SubmitAsync(key));

        Assert.Equal([LiveTopic.Service(key.ServiceId)], _platform.Live.Raised);
    }

    [Fact]
    public async Task Submit_through_a_re_enabled_key_is_accepted_again()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        await _platform.DisableWidgetKeyAsync(key);
        ResultAssert.Succeeded(await _platform.SetWidgetKeyEnabled.ExecuteAsync(new SetWidgetKeyEnabled.Request(key.Id, true), TestPlatform.Staff));

        ResultAssert.Succeeded(await SubmitAsync(key));
    }

    // ---- Refused: the key ----

    [Fact]
    public async Task Submit_is_refused_as_not_found_for_an_unknown_key()
    {
        var key = await _platform.CreateWidgetKeyAsync();

        await AssertRefusedAsync(key, () => SubmitAsync(WidgetKey.NewKey()), "key", ErrorCodes.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("wk_")]
    [InlineData("wk_short")]
    [InlineData("not-a-key")]
    [InlineData("' OR 1=1 --")]
    public async Task Submit_is_refused_as_not_found_for_a_malformed_key(string malformed)
    {
        var key = await _platform.CreateWidgetKeyAsync();

        await AssertRefusedAsync(key, () => SubmitAsync(malformed), "key", ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Submit_is_refused_as_not_found_for_a_real_key_with_a_character_more_less_or_changed()
    {
        var key = await _platform.CreateWidgetKeyAsync();

        foreach (var near in new[] { key.Key + "a", key.Key[..^1], key.Key[..^1] + "!", " " + key.Key, key.Key + " " })
            await AssertRefusedAsync(key, () => SubmitAsync(near), "key", ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Submit_is_refused_as_not_found_for_a_key_spelled_in_another_case()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        var swapped = WidgetKey.Prefix + string.Concat(key.Key[WidgetKey.Prefix.Length..].Select(c => char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));

        await AssertRefusedAsync(key, () => SubmitAsync(swapped), "key", ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Submit_is_refused_as_not_found_for_a_disabled_key()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        await _platform.DisableWidgetKeyAsync(key);

        await AssertRefusedAsync(key, () => SubmitAsync(key), "key", ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Submit_is_refused_as_not_found_for_a_disabled_key_even_from_the_hosted_page()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        await _platform.DisableWidgetKeyAsync(key);

        await AssertRefusedAsync(key, () => SubmitAsync(key, origin: null), "key", ErrorCodes.NotFound);
    }

    // ---- Refused: where it comes from ----

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("http://www.example.ca")]
    [InlineData("https://www.example.ca:8443")]
    [InlineData("https://example.ca")]
    [InlineData("https://www.example.ca.evil.example.com")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("https://www.example.ca/en/services/passport")]
    public async Task Submit_is_refused_as_forbidden_from_an_origin_the_key_does_not_allow(string origin)
    {
        var key = await _platform.CreateWidgetKeyAsync();

        await AssertRefusedAsync(key, () => SubmitAsync(key, origin: origin), "origin", ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Submit_is_refused_as_forbidden_from_the_bare_domain_of_a_wildcard_origin()
    {
        var key = await _platform.CreateWidgetKeyAsync(origins: ["https://*.example.ca"]);

        await AssertRefusedAsync(key, () => SubmitAsync(key, origin: "https://example.ca", page: "https://example.ca/"), "origin", ErrorCodes.Forbidden);
    }

    [Theory]
    [InlineData("https://evil.example.com/en/services/passport")]
    [InlineData("http://www.example.ca/en/services/passport")]
    [InlineData("https://www.example.ca:8443/en/services/passport")]
    [InlineData("https://example.ca/en/services/passport")]
    public async Task Submit_is_refused_as_forbidden_for_a_page_on_another_site_than_the_key_allows(string page)
    {
        var key = await _platform.CreateWidgetKeyAsync();

        await AssertRefusedAsync(key, () => SubmitAsync(key, page: page), "page", ErrorCodes.Forbidden);
    }

    [Theory]
    [InlineData("https://www.example.ca/fr/services/passeport")]
    [InlineData("https://www.example.ca/en/services")]
    [InlineData("https://www.example.ca/")]
    public async Task Submit_is_refused_as_forbidden_for_a_page_that_does_not_match_the_keys_pattern(string page)
    {
        var key = await _platform.CreateWidgetKeyAsync(pagePattern: Site + "/en/services/*");

        await AssertRefusedAsync(key, () => SubmitAsync(key, page: page), "page", ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Submit_is_refused_as_forbidden_for_a_page_that_does_not_match_the_keys_pattern_even_from_the_hosted_page()
    {
        var key = await _platform.CreateWidgetKeyAsync(pagePattern: Site + "/en/services/*");

        await AssertRefusedAsync(key, () => SubmitAsync(key, origin: null, page: Site + "/fr/services/passeport"), "page", ErrorCodes.Forbidden);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Submit_is_refused_as_forbidden_without_a_page_when_the_key_has_a_pattern(string? page)
    {
        var key = await _platform.CreateWidgetKeyAsync(pagePattern: Site + "/en/services/*");

        await AssertRefusedAsync(key, () => SubmitAsync(key, page: page), "page", ErrorCodes.Forbidden);
    }

    [Theory]
    [InlineData("/en/services/passport")]
    [InlineData("passport.html")]
    [InlineData("ftp://www.example.ca/file")]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("file:///etc/passwd")]
    public async Task Submit_is_refused_when_the_page_is_not_an_absolute_web_address(string page)
    {
        var key = await _platform.CreateWidgetKeyAsync();

        await AssertRefusedAsync(key, () => SubmitAsync(key, page: page), "page", ErrorCodes.InvalidFormat);
    }

    [Fact]
    public async Task Submit_is_refused_when_the_page_address_is_over_the_length_limit()
    {
        var key = await _platform.CreateWidgetKeyAsync();

        await AssertRefusedAsync(key, () => SubmitAsync(key, page: Site + "/" + new string('p', TextLimits.PageUrl)), "page", ErrorCodes.InvalidFormat);
    }

    [Theory]
    [InlineData("http://[::1]:8080/en/services/passport")]
    [InlineData("https://[2001:db8::1]/en")]
    public async Task Submit_refuses_a_page_with_an_ipv6_host_with_an_error_on_the_page_rather_than_throwing(string page)
    {
        var key = await _platform.CreateWidgetKeyAsync();
        var before = await _platform.SnapshotAsync(key.OrganisationId);

        var result = await SubmitAsync(key, page: page);

        var error = Assert.Single(result.Errors);
        Assert.Equal("page", error.Field);
        Assert.Contains(error.Code, new[] { ErrorCodes.Forbidden, ErrorCodes.InvalidFormat });
        Assert.Equal(before, await _platform.SnapshotAsync(key.OrganisationId));
    }

    [Fact]
    public async Task Submit_reports_a_page_that_grows_over_the_limit_when_normalised_on_the_page_field()
    {
        // Under the limit as sent, over it once percent-encoded (each 'é' becomes %C3%A9): still the page's problem.
        var key = await _platform.CreateWidgetKeyAsync();
        var page = Site + "/" + new string('é', 1_000);

        var result = await SubmitAsync(key, page: page);

        Assert.False(result.Succeeded);
        Assert.Equal(["page"], result.Errors.Select(e => e.Field));
        Assert.Empty(await RatingsAsync(key.ServiceId));
    }

    [Fact]
    public async Task Submit_accepts_a_french_page_with_an_accent_that_matches_the_keys_pattern()
    {
        // The pattern as an admin types it, the page as the widget sends it (location.origin + location.pathname,
        // which a browser percent-encodes): both name the same page.
        var key = await _platform.CreateWidgetKeyAsync(pagePattern: Site + "/fr/activités/*");

        ResultAssert.Succeeded(await SubmitAsync(key, page: Site + "/fr/activit%C3%A9s/piscine"));
    }

    // ---- Refused: the honeypot and the rating itself ----

    [Theory]
    [InlineData("x")]
    [InlineData(" ")]
    [InlineData("https://spam.example.com")]
    public async Task Submit_is_refused_on_the_website_field_when_the_honeypot_is_filled(string honeypot)
    {
        var key = await _platform.CreateWidgetKeyAsync();

        await AssertRefusedAsync(key, () => SubmitAsync(key, comment: "Buy now", honeypot: honeypot), "website", ErrorCodes.InvalidFormat);
    }

    [Fact]
    public async Task Submit_is_refused_on_the_website_field_when_the_honeypot_is_filled_on_the_hosted_page()
    {
        var key = await _platform.CreateWidgetKeyAsync();

        await AssertRefusedAsync(key, () => SubmitAsync(key, origin: null, honeypot: "spam"), "website", ErrorCodes.InvalidFormat);
    }

    [Fact]
    public async Task Submit_accepts_an_empty_honeypot()
    {
        var key = await _platform.CreateWidgetKeyAsync();

        ResultAssert.Succeeded(await SubmitAsync(key, honeypot: ""));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public async Task Submit_is_refused_when_the_score_is_outside_one_to_five(int score)
    {
        var key = await _platform.CreateWidgetKeyAsync();

        await AssertRefusedAsync(key, () => SubmitAsync(key, score: score), "score", ErrorCodes.OutOfRange);
    }

    [Fact]
    public async Task Submit_is_refused_when_the_comment_is_over_one_thousand_characters()
    {
        var key = await _platform.CreateWidgetKeyAsync();

        await AssertRefusedAsync(key, () => SubmitAsync(key, comment: new string('c', TextLimits.RatingComment + 1)), "comment", ErrorCodes.TooLong);
    }

    [Fact]
    public async Task Submit_is_refused_when_the_language_is_not_offered()
    {
        var key = await _platform.CreateWidgetKeyAsync();

        await AssertRefusedAsync(key, () => SubmitAsync(key, language: "de"), "language", ErrorCodes.UnsupportedLanguage);
    }

    [Fact]
    public async Task Submit_does_not_screen_the_comment_of_a_refused_rating()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        var screening = ScriptedScreening.Always(ScreeningOutcome.Publish);
        _platform.Screening = screening;

        Assert.False((await SubmitAsync(key, score: 0, comment: "Never seen")).Succeeded);
        Assert.False((await SubmitAsync(key, origin: "https://evil.example.com", comment: "Never seen")).Succeeded);
        Assert.False((await SubmitAsync(key, honeypot: "bot", comment: "Never seen")).Succeeded);

        Assert.Empty(screening.Screened);
    }

    [Fact]
    public async Task Submit_leaves_the_tallies_as_they_were_after_a_refusal()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        ResultAssert.Succeeded(await SubmitAsync(key, score: 4));
        var serviceBefore = await _platform.TallyAsync(TallyScopes.Service(key.ServiceId));
        var pageBefore = await _platform.TallyAsync(TallyScopes.ServicePage(key.ServiceId, Page));

        Assert.False((await SubmitAsync(key, score: 6)).Succeeded);
        Assert.False((await SubmitAsync(key, score: 4, honeypot: "bot")).Succeeded);
        Assert.False((await SubmitAsync(key, score: 4, origin: "https://evil.example.com")).Succeeded);
        Assert.False((await SubmitAsync(key, score: 4, comment: new string('c', TextLimits.RatingComment + 1))).Succeeded);

        Assert.Equal(serviceBefore.Counts, (await _platform.TallyAsync(TallyScopes.Service(key.ServiceId))).Counts);
        Assert.Equal(pageBefore.Counts, (await _platform.TallyAsync(TallyScopes.ServicePage(key.ServiceId, Page))).Counts);
        Assert.Equal(1, pageBefore[RatingTallies.ScoreBucket(4)]);
    }
}
