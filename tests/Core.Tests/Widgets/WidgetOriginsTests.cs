using Engagement.Core.Widgets;

namespace Engagement.Core.Tests.Widgets;

/// <summary>The origins a widget key may be used from: how patterns are normalised, which are refused, and what they allow.</summary>
public sealed class WidgetOriginsTests
{
    private static string? Normalise(string? pattern) => WidgetOrigins.Normalise(pattern, out _);

    // ---- Normalise ----

    [Theory]
    [InlineData("https://www.example.ca", "https://www.example.ca")]
    [InlineData("http://www.example.ca", "http://www.example.ca")]
    [InlineData("https://www.example.ca:443", "https://www.example.ca")]
    [InlineData("http://www.example.ca:80", "http://www.example.ca")]
    [InlineData("https://www.example.ca:0443", "https://www.example.ca")]
    [InlineData("https://www.example.ca:8443", "https://www.example.ca:8443")]
    [InlineData("http://www.example.ca:443", "http://www.example.ca:443")]
    [InlineData("https://www.example.ca:80", "https://www.example.ca:80")]
    [InlineData("HTTPS://WWW.Example.CA", "https://www.example.ca")]
    [InlineData("https://www.example.ca/", "https://www.example.ca")]
    [InlineData("https://www.example.ca:443/", "https://www.example.ca")]
    [InlineData("  https://www.example.ca  ", "https://www.example.ca")]
    [InlineData("http://localhost", "http://localhost")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("https://xn--caf-dma.example.ca", "https://xn--caf-dma.example.ca")]
    [InlineData("https://my-site.example.ca", "https://my-site.example.ca")]
    public void Normalise_gives_an_exact_origin_in_lowercase_with_the_default_port_left_out(string pattern, string expected)
    {
        Assert.Equal(expected, WidgetOrigins.Normalise(pattern, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("https://*.example.ca", "https://*.example.ca")]
    [InlineData("https://*.EXAMPLE.ca:443/", "https://*.example.ca")]
    [InlineData("https://*.services.example.ca", "https://*.services.example.ca")]
    [InlineData("https://*.example.ca:8443", "https://*.example.ca:8443")]
    public void Normalise_accepts_a_wildcard_subdomain(string pattern, string expected) =>
        Assert.Equal(expected, Normalise(pattern));

    [Theory]
    [InlineData("http://localhost:*", "http://localhost:*")]
    [InlineData("HTTP://LOCALHOST:*/", "http://localhost:*")]
    [InlineData("https://*.example.ca:*", "https://*.example.ca:*")]
    public void Normalise_accepts_a_wildcard_port(string pattern, string expected) =>
        Assert.Equal(expected, Normalise(pattern));

    [Fact]
    public void Normalise_gives_the_same_pattern_for_every_spelling_of_one_origin()
    {
        var spellings = new[] { "https://www.example.ca", "https://www.example.ca:443", "HTTPS://WWW.EXAMPLE.CA/", " https://Www.Example.Ca:443/ " };

        Assert.Single(spellings.Select(Normalise).Distinct());
    }

    [Fact]
    public void Normalise_of_a_normalised_pattern_changes_nothing()
    {
        foreach (var pattern in new[] { "HTTPS://WWW.EXAMPLE.CA:443/", "https://*.example.ca:8443", "http://localhost:*", "http://127.0.0.1" })
        {
            var once = Normalise(pattern);
            Assert.Equal(once, Normalise(once));
        }
    }

    [Theory]
    [InlineData("https://*.ca")]
    [InlineData("https://*.localhost")]
    [InlineData("http://*.localhost:*")]
    public void Normalise_refuses_a_wildcard_that_covers_a_whole_top_level_domain(string pattern)
    {
        Assert.Null(WidgetOrigins.Normalise(pattern, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Theory]
    // Missing or blank.
    [InlineData("")]
    [InlineData("   ")]
    // Not scheme://host[:port].
    [InlineData("www.example.ca")]
    [InlineData("//www.example.ca")]
    [InlineData("http:/www.example.ca")]
    [InlineData("https://")]
    [InlineData("https:///")]
    [InlineData("null")]
    // Paths, queries and fragments.
    [InlineData("https://www.example.ca/en")]
    [InlineData("https://www.example.ca/en/")]
    [InlineData("https://www.example.ca/?q=1")]
    [InlineData("https://www.example.ca?q=1")]
    [InlineData("https://www.example.ca#top")]
    // Other schemes.
    [InlineData("ftp://www.example.ca")]
    [InlineData("ws://www.example.ca")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("javascript://www.example.ca")]
    [InlineData("data:text/html,hello")]
    // User information.
    [InlineData("https://user@www.example.ca")]
    [InlineData("https://user:secret@www.example.ca")]
    [InlineData("https://www.example.ca@evil.example.com")]
    // Spaces and other characters no host has.
    [InlineData("https://www example.ca")]
    [InlineData("https://www.example.ca :443")]
    [InlineData("https://www.exa\tmple.ca")]
    [InlineData("https://under_score.example.ca")]
    [InlineData("https://www.example.ca\\evil")]
    // Empty labels.
    [InlineData("https://.example.ca")]
    [InlineData("https://www..example.ca")]
    [InlineData("https://www.example.ca.")]
    // Bad ports.
    [InlineData("https://www.example.ca:")]
    [InlineData("https://www.example.ca:0")]
    [InlineData("https://www.example.ca:-1")]
    [InlineData("https://www.example.ca:65536")]
    [InlineData("https://www.example.ca:99999999999")]
    [InlineData("https://www.example.ca:http")]
    [InlineData("https://www.example.ca:+443")]
    [InlineData("https://www.example.ca:8*")]
    [InlineData("https://www.example.ca:443:443")]
    // Wildcards anywhere but the start of the host or the whole port.
    [InlineData("https://*")]
    [InlineData("https://*.")]
    [InlineData("https://*example.ca")]
    [InlineData("https://www.*.example.ca")]
    [InlineData("https://*.*.example.ca")]
    [InlineData("https://example.*")]
    [InlineData("*://www.example.ca")]
    [InlineData("https://www.example.ca/*")]
    // IPv6 literals are refused (localhost covers local development).
    [InlineData("http://[::1]")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://[::1]:*")]
    [InlineData("https://[2001:db8::1]")]
    // Hosts in Unicode: only their xn-- form is accepted, as browsers send it.
    [InlineData("https://café.example.ca")]
    [InlineData("https://例え.jp")]
    [InlineData("https://www.ex\u0430mple.ca")]
    public void Normalise_refuses_what_is_not_an_origin_pattern(string pattern)
    {
        Assert.Null(WidgetOrigins.Normalise(pattern, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void Normalise_refuses_a_missing_pattern()
    {
        Assert.Null(WidgetOrigins.Normalise(null, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void Normalise_refuses_a_host_with_a_non_ascii_letter_even_when_it_lowercases_to_ascii()
    {
        // U+212A KELVIN SIGN lowercases to an ASCII 'k'. The check that a host is ASCII letters, digits, hyphens and
        // dots must look at the text as given: lowercasing first lets the look-alike through as a different host.
        Assert.Null(Normalise("https://\u212Aiosk.example.ca"));
    }

    [Fact]
    public void Normalise_refuses_an_over_long_pattern_and_explains_why()
    {
        var tooLong = "https://" + string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".ca";

        Assert.Null(WidgetOrigins.Normalise(tooLong, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
        Assert.Null(Normalise("https://" + new string('a', 400) + ".ca"));
    }

    [Fact]
    public void Normalise_does_not_echo_a_huge_pattern_back_in_its_problem()
    {
        var huge = "https://" + new string('a', 250) + "/" + new string('p', 40);

        Assert.Null(WidgetOrigins.Normalise(huge, out var problem));
        Assert.True(problem!.Length < 250, problem);
    }

    // ---- Allows ----

    [Theory]
    [InlineData("https://www.example.ca")]
    [InlineData("https://www.example.ca:443")]
    [InlineData("HTTPS://WWW.EXAMPLE.CA")]
    [InlineData("https://WWW.Example.ca")]
    public void Allows_an_exact_origin_in_any_case_and_with_its_default_port_spelled_out(string origin) =>
        Assert.True(WidgetOrigins.Allows(["https://www.example.ca"], origin));

    [Theory]
    [InlineData("http://www.example.ca")]
    [InlineData("https://www.example.ca:8443")]
    [InlineData("https://example.ca")]
    [InlineData("https://sub.www.example.ca")]
    [InlineData("https://www.example.ca.evil.example.com")]
    [InlineData("https://evilwww.example.ca")]
    [InlineData("https://www.example.cab")]
    public void Allows_no_other_scheme_port_or_host_than_an_exact_pattern_names(string origin) =>
        Assert.False(WidgetOrigins.Allows(["https://www.example.ca"], origin));

    [Fact]
    public void Allows_a_non_default_port_only_when_the_pattern_names_it()
    {
        Assert.True(WidgetOrigins.Allows(["https://www.example.ca:8443"], "https://www.example.ca:8443"));
        Assert.False(WidgetOrigins.Allows(["https://www.example.ca:8443"], "https://www.example.ca"));
        Assert.False(WidgetOrigins.Allows(["https://www.example.ca:8443"], "https://www.example.ca:443"));
    }

    [Theory]
    [InlineData("https://sub.example.ca")]
    [InlineData("https://a.b.example.ca")]
    [InlineData("https://WWW.EXAMPLE.CA")]
    [InlineData("https://www.example.ca:443")]
    public void Allows_any_subdomain_of_a_wildcard_pattern(string origin) =>
        Assert.True(WidgetOrigins.Allows(["https://*.example.ca"], origin));

    [Theory]
    [InlineData("https://example.ca")]
    [InlineData("https://evilexample.ca")]
    [InlineData("https://sub.evilexample.ca")]
    [InlineData("https://example.ca.evil.com")]
    [InlineData("https://sub.example.ca.evil.com")]
    [InlineData("http://sub.example.ca")]
    [InlineData("https://sub.example.ca:8443")]
    [InlineData("https://.example.ca")]
    public void Allows_neither_the_bare_domain_nor_a_look_alike_for_a_wildcard_pattern(string origin) =>
        Assert.False(WidgetOrigins.Allows(["https://*.example.ca"], origin));

    [Theory]
    [InlineData("http://localhost:3000")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://localhost")]
    [InlineData("http://localhost:65535")]
    public void Allows_any_port_for_a_wildcard_port_pattern(string origin) =>
        Assert.True(WidgetOrigins.Allows(["http://localhost:*"], origin));

    [Theory]
    [InlineData("https://localhost:3000")]
    [InlineData("http://localhost.evil.example.com:3000")]
    [InlineData("http://evil-localhost:3000")]
    [InlineData("http://sub.localhost:3000")]
    public void Allows_only_the_pattern_host_and_scheme_for_a_wildcard_port_pattern(string origin) =>
        Assert.False(WidgetOrigins.Allows(["http://localhost:*"], origin));

    [Fact]
    public void Allows_an_origin_that_matches_any_one_of_the_patterns()
    {
        IReadOnlyList<string> patterns = ["https://www.example.ca", "https://*.example.org", "http://localhost:*"];

        Assert.True(WidgetOrigins.Allows(patterns, "https://www.example.ca"));
        Assert.True(WidgetOrigins.Allows(patterns, "https://news.example.org"));
        Assert.True(WidgetOrigins.Allows(patterns, "http://localhost:5173"));
        Assert.False(WidgetOrigins.Allows(patterns, "https://example.org"));
    }

    [Fact]
    public void Allows_nothing_when_there_are_no_patterns() =>
        Assert.False(WidgetOrigins.Allows([], "https://www.example.ca"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("null")]
    [InlineData("garbage")]
    [InlineData("www.example.ca")]
    [InlineData("https://www.example.ca/")]
    [InlineData("https://www.example.ca/en/page")]
    [InlineData("https://www.example.ca?q=1")]
    [InlineData("https://user@www.example.ca")]
    [InlineData(" https://www.example.ca")]
    [InlineData("https://www.example.ca:")]
    [InlineData("https://www.example.ca:0")]
    [InlineData("https://*.example.ca")]
    [InlineData("https://www.example.ca:*")]
    [InlineData("ftp://www.example.ca")]
    [InlineData("javascript://www.example.ca")]
    [InlineData("http://[::1]:3000")]
    public void Allows_no_missing_garbage_or_wildcard_origin(string? origin)
    {
        IReadOnlyList<string> patterns = ["https://www.example.ca", "https://*.example.ca", "https://www.example.ca:*", "http://localhost:*"];

        Assert.False(WidgetOrigins.Allows(patterns, origin));
    }

    [Fact]
    public void Allows_no_over_long_origin()
    {
        var host = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".example.ca";

        Assert.False(WidgetOrigins.Allows(["https://*.example.ca"], "https://" + host));
    }

    [Fact]
    public void Allows_the_sandboxed_null_origin_for_no_pattern_at_all()
    {
        // Sandboxed frames and file: pages send "Origin: null"; no pattern can be written to match it.
        Assert.Null(Normalise("null"));
        Assert.False(WidgetOrigins.Allows(["https://www.example.ca", "http://localhost:*"], "null"));
    }

    // ---- OriginOf ----

    [Theory]
    [InlineData("https://www.example.ca/en/page?q=1#top", "https://www.example.ca")]
    [InlineData("https://WWW.EXAMPLE.CA:443/", "https://www.example.ca")]
    [InlineData("http://www.example.ca:80/a", "http://www.example.ca")]
    [InlineData("http://localhost:8080/a", "http://localhost:8080")]
    [InlineData("https://user:secret@www.example.ca/a", "https://www.example.ca")]
    [InlineData("https://xn--caf-dma.example.ca/a", "https://xn--caf-dma.example.ca")]
    public void OriginOf_gives_the_normalised_origin_of_an_address(string address, string expected) =>
        Assert.Equal(expected, WidgetOrigins.OriginOf(new Uri(address)));

    [Theory]
    [InlineData("ftp://www.example.ca/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:someone@example.ca")]
    [InlineData("http://[::1]:8080/a")]
    public void OriginOf_is_null_for_an_address_no_pattern_can_allow(string address) =>
        Assert.Null(WidgetOrigins.OriginOf(new Uri(address)));
}
