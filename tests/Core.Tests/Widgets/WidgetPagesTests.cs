using Engagement.Core.Common;
using Engagement.Core.Tests.Support;
using Engagement.Core.Widgets;

namespace Engagement.Core.Tests.Widgets;

/// <summary>Page addresses as ratings keep them (scheme, host, port and path only) and the patterns a key restricts them to.</summary>
public sealed class WidgetPagesTests
{
    private static string Pattern(string pattern) =>
        WidgetPages.NormalisePattern(pattern, out var problem) ?? throw new InvalidOperationException($"'{pattern}' is not a pattern: {problem}");

    // ---- Normalise ----

    [Theory]
    [InlineData("https://www.example.ca/en/services/apply", "https://www.example.ca/en/services/apply")]
    [InlineData("https://www.example.ca/en/apply?case=12345&email=a%40b.ca", "https://www.example.ca/en/apply")]
    [InlineData("https://www.example.ca/en/apply#step-2", "https://www.example.ca/en/apply")]
    [InlineData("https://www.example.ca/en/apply?q=1#top", "https://www.example.ca/en/apply")]
    [InlineData("https://www.example.ca/en/apply#frag/with?query", "https://www.example.ca/en/apply")]
    [InlineData("https://user:secret@www.example.ca/en/apply", "https://www.example.ca/en/apply")]
    [InlineData("https://someone%40mail.ca@www.example.ca/en", "https://www.example.ca/en")]
    public void Normalise_drops_the_query_the_fragment_and_user_information(string address, string expected) =>
        Assert.Equal(expected, WidgetPages.Normalise(address));

    [Theory]
    [InlineData("https://WWW.Example.CA/En/Services/Apply.HTML", "https://www.example.ca/En/Services/Apply.HTML")]
    [InlineData("HTTPS://www.example.ca/en", "https://www.example.ca/en")]
    [InlineData("Http://www.example.ca/en", "http://www.example.ca/en")]
    public void Normalise_lowercases_the_scheme_and_host_and_keeps_the_path_as_written(string address, string expected) =>
        Assert.Equal(expected, WidgetPages.Normalise(address));

    [Theory]
    [InlineData("https://www.example.ca:443/en", "https://www.example.ca/en")]
    [InlineData("http://www.example.ca:80/en", "http://www.example.ca/en")]
    [InlineData("https://www.example.ca:8443/en", "https://www.example.ca:8443/en")]
    [InlineData("http://localhost:5173/demo", "http://localhost:5173/demo")]
    [InlineData("https://www.example.ca", "https://www.example.ca/")]
    [InlineData("  https://www.example.ca/en  ", "https://www.example.ca/en")]
    [InlineData("https://café.example.ca/en", "https://xn--caf-dma.example.ca/en")]
    [InlineData("https://www.example.ca/en/../fr/", "https://www.example.ca/fr/")]
    public void Normalise_leaves_out_the_default_port_and_spells_the_host_as_browsers_send_it(string address, string expected) =>
        Assert.Equal(expected, WidgetPages.Normalise(address));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/en/services/apply")]
    [InlineData("en/services/apply")]
    [InlineData("www.example.ca/en")]
    [InlineData("//www.example.ca/en")]
    [InlineData("ftp://www.example.ca/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("mailto:someone@example.ca")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ws://www.example.ca/socket")]
    [InlineData("https://")]
    [InlineData("not an address")]
    public void Normalise_refuses_what_is_not_an_absolute_web_address(string? address) =>
        Assert.Null(WidgetPages.Normalise(address));

    [Fact]
    public void Normalise_accepts_an_address_at_the_length_limit_and_refuses_a_longer_one()
    {
        const string start = "https://www.example.ca/";
        var atLimit = start + new string('p', TextLimits.PageUrl - start.Length);

        Assert.Equal(atLimit, WidgetPages.Normalise(atLimit));
        Assert.Null(WidgetPages.Normalise(atLimit + "p"));
    }

    [Theory]
    [InlineData("https://www.example.ca/en/apply?q=1")]
    [InlineData("HTTPS://WWW.EXAMPLE.CA:443/En")]
    [InlineData("https://user@www.example.ca:8443/a b")]
    [InlineData("https://café.example.ca/activités/piscine")]
    [InlineData("http://127.0.0.1:8080/x")]
    public void Normalise_gives_an_address_that_normalises_to_itself(string address)
    {
        var once = WidgetPages.Normalise(address);

        Assert.NotNull(once);
        Assert.Equal(once, WidgetPages.Normalise(once));
    }

    [Theory]
    [InlineData("http://[::1]:8080/demo")]
    [InlineData("https://[2001:db8::1]/en/apply")]
    public void Normalise_gives_an_ipv6_page_back_as_a_usable_address_or_refuses_it(string address)
    {
        // Either answer is fine; what is not is an address that no longer parses ("http://::1:8080/demo"), which a
        // caller then stores, counts in a page tally, or hands to new Uri(...) and fails on.
        var normalised = WidgetPages.Normalise(address);

        Assert.True(normalised is null || Uri.TryCreate(normalised, UriKind.Absolute, out _), $"'{address}' was normalised to '{normalised}'.");
    }

    // ---- NormalisePattern ----

    [Theory]
    [InlineData("https://www.example.ca/en/services/*", "https://www.example.ca/en/services/*")]
    [InlineData("HTTPS://WWW.EXAMPLE.CA:443/En/Services/*", "https://www.example.ca/En/Services/*")]
    [InlineData("https://www.example.ca", "https://www.example.ca/")]
    [InlineData("https://www.example.ca/", "https://www.example.ca/")]
    [InlineData("https://www.example.ca:8443/*", "https://www.example.ca:8443/*")]
    [InlineData("https://*.example.ca/en/*", "https://*.example.ca/en/*")]
    [InlineData("http://localhost:*/demo/*", "http://localhost:*/demo/*")]
    [InlineData("  https://www.example.ca/en/*  ", "https://www.example.ca/en/*")]
    [InlineData("https://www.example.ca/*/services/*/apply", "https://www.example.ca/*/services/*/apply")]
    public void NormalisePattern_normalises_the_origin_and_keeps_the_path(string pattern, string expected)
    {
        Assert.Equal(expected, WidgetPages.NormalisePattern(pattern, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void NormalisePattern_accepts_eight_stars()
    {
        var pattern = "https://www.example.ca/" + string.Join('/', Enumerable.Repeat("*", 8));

        Assert.Equal(pattern, WidgetPages.NormalisePattern(pattern, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/en/services/*")]
    [InlineData("www.example.ca/en/*")]
    [InlineData("*")]
    [InlineData("ftp://www.example.ca/*")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://www.example.ca/en?lang=*")]
    [InlineData("https://www.example.ca/en#*")]
    [InlineData("https://www.example.ca?q=1")]
    [InlineData("https://user@www.example.ca/*")]
    [InlineData("https://*.ca/*")]
    [InlineData("https://www.exa*mple.ca/*")]
    [InlineData("https://www.example.ca*/en")]
    [InlineData("https://www.example.ca/*/*/*/*/*/*/*/*/*")]
    [InlineData("https://café.example.ca/*")]
    [InlineData("https://[::1]/*")]
    public void NormalisePattern_refuses_what_is_not_an_address_pattern(string pattern)
    {
        Assert.Null(WidgetPages.NormalisePattern(pattern, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void NormalisePattern_refuses_a_missing_pattern()
    {
        Assert.Null(WidgetPages.NormalisePattern(null, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void NormalisePattern_accepts_a_pattern_at_the_length_limit_and_refuses_a_longer_one()
    {
        const string start = "https://www.example.ca/";
        var atLimit = start + new string('p', WidgetPages.MaxPatternLength - start.Length);

        Assert.Equal(atLimit, WidgetPages.NormalisePattern(atLimit, out _));
        Assert.Null(WidgetPages.NormalisePattern(atLimit + "p", out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    // ---- Matches ----

    [Theory]
    [InlineData("https://www.example.ca/en/apply", true)]
    [InlineData("https://www.example.ca/en/apply/", false)]
    [InlineData("https://www.example.ca/en/Apply", false)]
    [InlineData("https://www.example.ca/en/appl", false)]
    [InlineData("https://www.example.ca/en/apply-now", false)]
    [InlineData("http://www.example.ca/en/apply", false)]
    [InlineData("https://www.example.ca:8443/en/apply", false)]
    public void Matches_a_pattern_without_stars_only_exactly(string page, bool expected) =>
        Assert.Equal(expected, WidgetPages.Matches("https://www.example.ca/en/apply", page));

    [Theory]
    [InlineData("https://www.example.ca/en/services/", true)]
    [InlineData("https://www.example.ca/en/services/passport", true)]
    [InlineData("https://www.example.ca/en/services/passport/renew/step-2.html", true)]
    [InlineData("https://www.example.ca/en/services", false)]
    [InlineData("https://www.example.ca/en/servicesX", false)]
    [InlineData("https://www.example.ca/fr/services/passeport", false)]
    [InlineData("https://evil.example.com/en/services/passport", false)]
    public void Matches_a_trailing_star_against_any_rest_of_the_path(string page, bool expected) =>
        Assert.Equal(expected, WidgetPages.Matches("https://www.example.ca/en/services/*", page));

    [Theory]
    [InlineData("https://www.example.ca/en/contact", true)]
    [InlineData("https://www.example.ca/fr/contact", true)]
    [InlineData("https://www.example.ca/en/offices/ottawa/contact", true)]
    [InlineData("https://www.example.ca//contact", true)]
    [InlineData("https://www.example.ca/contact", false)]
    [InlineData("https://www.example.ca/en/contact/more", false)]
    [InlineData("https://www.example.ca/en/contacts", false)]
    public void Matches_a_middle_star_against_any_run_of_characters(string page, bool expected) =>
        Assert.Equal(expected, WidgetPages.Matches("https://www.example.ca/*/contact", page));

    [Theory]
    [InlineData("https://www.example.ca/en/services/passport/apply", true)]
    [InlineData("https://www.example.ca/fr/services/x/y/apply", true)]
    [InlineData("https://www.example.ca/en/services/apply/services/passport/apply", true)]
    [InlineData("https://www.example.ca/en/services/passport/apply/", false)]
    [InlineData("https://www.example.ca/en/service/passport/apply", false)]
    [InlineData("https://www.example.ca/en/services/apply", false)]
    public void Matches_several_stars_each_against_its_own_run(string page, bool expected) =>
        Assert.Equal(expected, WidgetPages.Matches("https://www.example.ca/*/services/*/apply", page));

    [Theory]
    [InlineData("https://www.example.ca/b", true)]
    [InlineData("https://www.example.ca/ab", true)]
    [InlineData("https://www.example.ca/a/b", true)]
    [InlineData("https://www.example.ca/", false)]
    [InlineData("https://www.example.ca/abc", false)]
    public void Matches_consecutive_stars_as_one(string page, bool expected) =>
        Assert.Equal(expected, WidgetPages.Matches("https://www.example.ca/**b", page));

    [Fact]
    public void Matches_a_page_after_its_query_is_dropped()
    {
        var page = WidgetPages.Normalise("https://www.example.ca/en/services/passport?case=123#status")!;

        Assert.True(WidgetPages.Matches(Pattern("https://www.example.ca/en/services/passport"), page));
    }

    [Fact]
    public void Matches_a_pattern_and_a_page_written_with_different_case_and_default_port()
    {
        var pattern = Pattern("HTTPS://WWW.EXAMPLE.CA:443/en/services/*");
        var page = WidgetPages.Normalise("https://www.Example.ca/en/services/passport")!;

        Assert.True(WidgetPages.Matches(pattern, page));
    }

    [Theory]
    [InlineData("https://www.example.ca/fr/activités/*", "https://www.example.ca/fr/activités/piscine")]
    [InlineData("https://www.example.ca/fr/activit%C3%A9s/*", "https://www.example.ca/fr/activités/piscine")]
    [InlineData("https://www.example.ca/en/my services/*", "https://www.example.ca/en/my services/passport")]
    public void Matches_a_page_whose_path_has_accents_or_spaces_against_the_pattern_written_the_same_way(string pattern, string page)
    {
        // The page is percent-encoded by normalisation (/fr/activit%C3%A9s/…); the pattern must be compared after the
        // same normalisation, or a French page with an accent in its address can never match its key.
        Assert.True(WidgetPages.Matches(Pattern(pattern), WidgetPages.Normalise(page)!),
            $"pattern '{Pattern(pattern)}' against page '{WidgetPages.Normalise(page)}'");
    }

    [Fact]
    public void Matches_an_adversarial_pattern_against_a_long_page_without_blowing_up()
    {
        // Eight stars, each followed by a character the page is full of, and a last character it never has: the worst
        // case for backtracking. The algorithm is O(pattern × page); a regular expression could take exponential time.
        var pattern = "https://www.example.ca/" + TestPlatform.Repeat("*a", 8) + "b";
        var page = "https://www.example.ca/" + new string('a', 2_000);

        Assert.False(WidgetPages.Matches(pattern, page));
        Assert.True(WidgetPages.Matches(pattern[..^1], page));
    }

    [Fact]
    public void Matches_many_adversarial_pairs_at_the_length_limits()
    {
        var page = "https://www.example.ca/" + TestPlatform.Repeat("ab", (TextLimits.PageUrl - 23) / 2);
        var patterns = new[]
        {
            "https://www.example.ca/" + TestPlatform.Repeat("*ab", 8) + "c",
            "https://www.example.ca/*" + new string('a', 400) + "*",
            "*" + TestPlatform.Repeat("a*", 7) + "x",
        };

        foreach (var pattern in patterns)
            Assert.False(WidgetPages.Matches(pattern, page));
    }
}
