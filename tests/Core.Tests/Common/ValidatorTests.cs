using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Common;

/// <summary>The input rules every use case shares: texts, slugs, languages, localized texts, addresses and enums.</summary>
public sealed class ValidatorTests
{
    private static readonly SupportedLanguages Languages = SupportedLanguages.Default;

    private static Error Single(Validator v, string field, string code)
    {
        var error = Assert.Single(v.Errors);
        Assert.Equal((field, code), (error.Field, error.Code));
        return error;
    }

    // ---- Required and optional texts ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void RequiredText_is_refused_when_the_text_is_missing_or_blank(string? text)
    {
        var v = new Validator();
        v.RequiredText("text", text, 10);
        Single(v, "text", ErrorCodes.Required);
    }

    [Fact]
    public void RequiredText_accepts_a_text_at_the_limit()
    {
        var v = new Validator();
        v.RequiredText("text", new string('a', 10), 10);
        Assert.False(v.HasErrors);
    }

    [Fact]
    public void RequiredText_is_refused_when_the_text_is_one_character_too_long()
    {
        var v = new Validator();
        v.RequiredText("text", new string('a', 11), 10);
        Single(v, "text", ErrorCodes.TooLong);
    }

    [Theory]
    [InlineData("👍🏽")]                // emoji with a skin-tone modifier: 4 UTF-16 units
    [InlineData("🇨🇦")]               // a flag: two regional indicators
    [InlineData("e\u0301")]           // a letter and a combining accent
    [InlineData("𝔘")]                 // a letter outside the basic plane
    [InlineData("👩🏽‍💻")]           // a zero-width-joiner sequence
    public void RequiredText_counts_each_user_perceived_character_once(string character)
    {
        var atLimit = new Validator();
        atLimit.RequiredText("text", TestPlatform.Repeat(character, 10), 10);
        Assert.False(atLimit.HasErrors, string.Join("; ", atLimit.Errors));

        var overLimit = new Validator();
        overLimit.RequiredText("text", TestPlatform.Repeat(character, 11), 10);
        Single(overLimit, "text", ErrorCodes.TooLong);
    }

    [Theory]
    [InlineData("👨‍👩‍👧‍👦")]      // a family: 11 UTF-16 units, one character
    [InlineData("🏴󠁧󠁢󠁳󠁣󠁴󠁿")]      // the flag of Scotland: 14 UTF-16 units, one character
    public void RequiredText_counts_a_long_emoji_sequence_once_even_at_the_limit(string emoji)
    {
        // The cheap pre-check assumes at most 8 UTF-16 units per character; these emoji are longer.
        var v = new Validator();
        v.RequiredText("text", TestPlatform.Repeat(emoji, 10), 10);
        Assert.False(v.HasErrors, string.Join("; ", v.Errors));
    }

    [Fact]
    public void RequiredText_refuses_a_huge_text_without_segmenting_it()
    {
        var v = new Validator();
        v.RequiredText("text", new string('a', 1_000_000), 100);
        Single(v, "text", ErrorCodes.TooLong);
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Malformed), MemberType = typeof(SampleTexts))]
    public void RequiredText_is_refused_when_the_text_has_control_characters_or_broken_unicode(string malformed)
    {
        var v = new Validator();
        v.RequiredText("text", SampleTexts.MalformedText(malformed), 1_000);
        Single(v, "text", ErrorCodes.InvalidFormat);
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Unicode), MemberType = typeof(SampleTexts))]
    public void RequiredText_accepts_text_in_any_script(string text)
    {
        var v = new Validator();
        v.RequiredText("text", text, 1_000);
        Assert.False(v.HasErrors, string.Join("; ", v.Errors));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void OptionalText_accepts_a_missing_or_blank_text(string? text)
    {
        var v = new Validator();
        v.OptionalText("text", text, 10);
        Assert.False(v.HasErrors);
    }

    [Fact]
    public void OptionalText_is_refused_when_the_text_is_too_long()
    {
        var v = new Validator();
        v.OptionalText("text", new string('a', 11), 10);
        Single(v, "text", ErrorCodes.TooLong);
    }

    [Fact]
    public void OptionalText_is_refused_when_the_text_has_a_control_character()
    {
        var v = new Validator();
        v.OptionalText("text", "a\u0000b", 10);
        Single(v, "text", ErrorCodes.InvalidFormat);
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Unicode), MemberType = typeof(SampleTexts))]
    public void IsWellFormed_accepts_text_in_any_script(string text) => Assert.True(Validator.IsWellFormed(text));

    [Theory]
    [MemberData(nameof(SampleTexts.Malformed), MemberType = typeof(SampleTexts))]
    public void IsWellFormed_refuses_control_characters_and_unpaired_surrogates(string malformed) =>
        Assert.False(Validator.IsWellFormed(SampleTexts.MalformedText(malformed)));

    [Fact]
    public void TextLength_counts_text_elements()
    {
        Assert.Equal(1, Validator.TextLength("👨‍👩‍👧‍👦"));
        Assert.Equal(4, Validator.TextLength("Cafe\u0301"));
        Assert.Equal(3, Validator.TextLength("市役所"));
    }

    [Fact]
    public void Truncate_keeps_echoed_input_short()
    {
        Assert.Equal("short", Validator.Truncate("short"));
        var truncated = Validator.Truncate(new string('x', 1_000));
        Assert.Equal(41, truncated.Length);
        Assert.EndsWith("…", truncated, StringComparison.Ordinal);
    }

    // ---- Slugs ----

    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("bike-lanes-2030")]
    [InlineData("a-b-c")]
    public void Slug_accepts_lowercase_letters_digits_and_single_hyphens(string slug)
    {
        var v = new Validator();
        v.Slug("slug", slug);
        Assert.False(v.HasErrors);
    }

    [Fact]
    public void Slug_accepts_sixty_four_characters()
    {
        var v = new Validator();
        v.Slug("slug", new string('a', TextLimits.Slug));
        Assert.False(v.HasErrors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Slug_is_refused_when_it_is_missing(string? slug)
    {
        var v = new Validator();
        v.Slug("slug", slug);
        Single(v, "slug", ErrorCodes.Required);
    }

    [Theory]
    [InlineData("Bike-Lanes")]
    [InlineData("bike_lanes")]
    [InlineData("bike lanes")]
    [InlineData("-bike")]
    [InlineData("bike-")]
    [InlineData("bike--lanes")]
    [InlineData("bike.lanes")]
    [InlineData("vélo")]
    [InlineData("bike/lanes")]
    [InlineData(" bike")]
    [InlineData("-")]
    public void Slug_is_refused_when_it_is_badly_formed(string slug)
    {
        var v = new Validator();
        v.Slug("slug", slug);
        Single(v, "slug", ErrorCodes.InvalidFormat);
    }

    [Fact]
    public void Slug_is_refused_when_it_is_sixty_five_characters_long()
    {
        var v = new Validator();
        v.Slug("slug", new string('a', TextLimits.Slug + 1));
        Single(v, "slug", ErrorCodes.TooLong);
    }

    [Fact]
    public void Slug_is_refused_when_it_ends_with_a_line_break()
    {
        // '$' in a .NET regex also matches before a final '\n'; a slug must not carry one into URLs and keys.
        var v = new Validator();
        v.Slug("slug", "bike-lanes\n");
        Single(v, "slug", ErrorCodes.InvalidFormat);
    }

    // ---- Languages ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Language_is_refused_when_it_is_missing(string? language)
    {
        var v = new Validator();
        v.Language("language", language, Languages);
        Single(v, "language", ErrorCodes.Required);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("EN")]
    [InlineData("en-CA")]
    [InlineData("english")]
    public void Language_is_refused_when_it_is_not_offered(string language)
    {
        var v = new Validator();
        v.Language("language", language, Languages);
        Single(v, "language", ErrorCodes.UnsupportedLanguage);
    }

    [Fact]
    public void Language_error_does_not_echo_a_huge_value()
    {
        var v = new Validator();
        v.Language("language", new string('x', 10_000), Languages);
        Assert.True(Single(v, "language", ErrorCodes.UnsupportedLanguage).Message.Length < 200);
    }

    // ---- Localized texts ----

    [Fact]
    public void Localized_accepts_every_offered_language()
    {
        var v = new Validator();
        v.Localized("title", LocalizedText.EnFr("Title", "Titre"), Languages, TextLimits.Title, requireAll: true);
        Assert.False(v.HasErrors);
    }

    [Fact]
    public void Localized_is_refused_when_a_required_text_is_missing_entirely()
    {
        var v = new Validator();
        v.Localized("title", null, Languages, TextLimits.Title, requireAll: true);
        Single(v, "title", ErrorCodes.Required);

        var empty = new Validator();
        empty.Localized("title", LocalizedText.Empty, Languages, TextLimits.Title, requireAll: true);
        Single(empty, "title", ErrorCodes.Required);
    }

    [Fact]
    public void Localized_is_refused_when_the_french_text_is_missing()
    {
        var v = new Validator();
        v.Localized("title", new LocalizedText([new("en", "Title")]), Languages, TextLimits.Title, requireAll: true);
        Single(v, "title.fr", ErrorCodes.Required);
    }

    [Fact]
    public void Localized_is_refused_when_the_french_text_is_blank()
    {
        var v = new Validator();
        v.Localized("title", LocalizedText.EnFr("Title", "  "), Languages, TextLimits.Title, requireAll: true);
        Assert.All(v.Errors, e => Assert.Equal(("title.fr", ErrorCodes.Required), (e.Field, e.Code)));
        Assert.NotEmpty(v.Errors);
    }

    [Fact]
    public void Localized_is_refused_when_a_language_is_not_offered()
    {
        var v = new Validator();
        v.Localized("title", new LocalizedText([new("en", "Title"), new("fr", "Titre"), new("de", "Titel")]), Languages, TextLimits.Title, requireAll: true);
        Single(v, "title.de", ErrorCodes.UnsupportedLanguage);
    }

    [Fact]
    public void Localized_is_refused_when_one_language_is_too_long()
    {
        var v = new Validator();
        v.Localized("title", LocalizedText.EnFr("Title", new string('é', TextLimits.Title + 1)), Languages, TextLimits.Title, requireAll: true);
        Single(v, "title.fr", ErrorCodes.TooLong);
    }

    [Fact]
    public void Localized_accepts_emoji_up_to_the_limit()
    {
        var v = new Validator();
        v.Localized("title", LocalizedText.EnFr(TestPlatform.Repeat("🚲", TextLimits.Title), TestPlatform.Repeat("🚲", TextLimits.Title)), Languages, TextLimits.Title, requireAll: true);
        Assert.False(v.HasErrors, string.Join("; ", v.Errors));
    }

    [Fact]
    public void Localized_is_refused_when_a_text_has_a_control_character()
    {
        var v = new Validator();
        v.Localized("title", LocalizedText.EnFr("Title\u0007", "Titre"), Languages, TextLimits.Title, requireAll: true);
        Single(v, "title.en", ErrorCodes.InvalidFormat);
    }

    [Fact]
    public void Localized_optional_accepts_a_missing_text_or_a_missing_language()
    {
        var v = new Validator();
        v.Localized("description", null, Languages, TextLimits.Summary, requireAll: false);
        v.Localized("description", LocalizedText.Empty, Languages, TextLimits.Summary, requireAll: false);
        v.Localized("description", new LocalizedText([new("fr", "Seulement en français")]), Languages, TextLimits.Summary, requireAll: false);
        Assert.False(v.HasErrors);
    }

    [Fact]
    public void Localized_optional_is_still_refused_for_an_unoffered_language_or_a_long_text()
    {
        var v = new Validator();
        v.Localized("description", new LocalizedText([new("es", "Hola"), new("en", new string('a', TextLimits.Summary + 1))]), Languages, TextLimits.Summary, requireAll: false);
        Assert.Contains(v.Errors, e => e is { Field: "description.es", Code: ErrorCodes.UnsupportedLanguage });
        Assert.Contains(v.Errors, e => e is { Field: "description.en", Code: ErrorCodes.TooLong });
    }

    // ---- Addresses and enums ----

    [Theory]
    [InlineData(null)]
    [InlineData("https://www.canada.ca/en/services/passport.html")]
    [InlineData("http://example.org/page?x=1#top")]
    [InlineData("https://ville.example/équipements/piscine")]
    public void OptionalHttpUrl_accepts_a_missing_or_absolute_web_address(string? url)
    {
        var v = new Validator();
        v.OptionalHttpUrl("pageUrl", url);
        Assert.False(v.HasErrors);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("/en/services/passport.html")]
    [InlineData("en/services/passport.html")]
    [InlineData("www.canada.ca/en")]
    [InlineData("ftp://example.org/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("https://")]
    public void OptionalHttpUrl_is_refused_when_the_address_is_not_an_absolute_web_address(string url)
    {
        var v = new Validator();
        v.OptionalHttpUrl("pageUrl", url);
        Single(v, "pageUrl", ErrorCodes.InvalidFormat);
    }

    [Fact]
    public void OptionalHttpUrl_accepts_the_longest_address_and_refuses_one_more_character()
    {
        var prefix = "https://example.org/";
        var atLimit = prefix + new string('a', TextLimits.PageUrl - prefix.Length);
        var ok = new Validator();
        ok.OptionalHttpUrl("pageUrl", atLimit);
        Assert.False(ok.HasErrors);

        var tooLong = new Validator();
        tooLong.OptionalHttpUrl("pageUrl", atLimit + "a");
        Single(tooLong, "pageUrl", ErrorCodes.TooLong);
    }

    [Fact]
    public void Defined_is_refused_for_a_number_that_is_no_member()
    {
        var v = new Validator();
        v.Defined("identityPolicy", (IdentityPolicy)42);
        Single(v, "identityPolicy", ErrorCodes.InvalidFormat);

        var ok = new Validator();
        ok.Defined("identityPolicy", IdentityPolicy.VerifiedEmailRequired);
        Assert.False(ok.HasErrors);
    }

    [Fact]
    public void Validator_reports_every_problem_at_once()
    {
        var v = new Validator();
        v.Slug("slug", "Bad Slug");
        v.RequiredText("text", "", 10);
        v.Language("language", "xx", Languages);
        Assert.Equal(["slug", "text", "language"], v.Errors.Select(e => e.Field));
        Assert.True(v.ToResult(() => 1) is { Succeeded: false, Errors.Count: 3 });
    }

    [Fact]
    public void ToResult_gives_the_value_when_there_is_no_error()
    {
        var v = new Validator();
        v.RequiredText("text", "fine", 10);
        Assert.Equal(42, v.ToResult(() => 42).Value);
    }
}
