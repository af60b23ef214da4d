using System.Text;
using Engagement.Insights.Themes;

namespace Engagement.Insights.Tests.Themes;

/// <summary>Themes group texts by topic within a language, name them in that language, count every text once and keep their ids.</summary>
public sealed class ThemeDiscoveryTests
{
    private static readonly ThemeSet Fixture = ThemeDiscovery.Discover(ThemeFixture.Inputs);

    [Theory]
    [InlineData(ThemeFixture.Snow)]
    [InlineData(ThemeFixture.Passports)]
    [InlineData(ThemeFixture.Library)]
    [InlineData(ThemeFixture.Garbage)]
    [InlineData(ThemeFixture.SnowFr)]
    public void Texts_on_one_topic_land_overwhelmingly_in_one_theme(string topic)
    {
        var ids = ThemeFixture.Inputs.Where(i => ThemeFixture.TopicOf(i.TextId) == topic).Select(i => i.TextId).ToList();

        var largest = ids.CountBy(id => Fixture.ThemeOfText[id]).Max(c => c.Value);

        Assert.True(largest >= 0.8 * ids.Count, $"{topic}: {largest} of {ids.Count} texts in its main theme");
    }

    [Fact]
    public void Each_theme_holds_mostly_one_topic()
    {
        foreach (var theme in Fixture.Themes.Where(t => !IsOther(t)))
        {
            var topics = Fixture.ThemeOfText.Where(p => p.Value == theme.Id).CountBy(p => ThemeFixture.TopicOf(p.Key)).ToList();
            Assert.True(topics.Max(t => t.Value) >= 0.8 * theme.Count, $"{theme.Name}: {string.Join(", ", topics)}");
        }
    }

    [Fact]
    public void Every_text_is_in_exactly_one_theme_and_the_counts_add_up()
    {
        Assert.Equal(ThemeFixture.Inputs.Select(i => i.TextId).Order(StringComparer.Ordinal), Fixture.ThemeOfText.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ThemeFixture.Inputs.Count, Fixture.Themes.Sum(t => t.Count));
        foreach (var theme in Fixture.Themes)
            Assert.Equal(theme.Count, Fixture.ThemeOfText.Count(p => p.Value == theme.Id));
        Assert.Equal(Fixture.Themes.Count, Fixture.Themes.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public void Themes_are_per_language_and_named_with_words_of_their_own_texts()
    {
        var snow = ThemeOf(ThemeFixture.Snow);
        var garbage = ThemeOf(ThemeFixture.Garbage);
        var snowFr = ThemeOf(ThemeFixture.SnowFr);

        Assert.Equal("en", snow.Language);
        Assert.Equal("fr", garbage.Language);
        Assert.Contains("snow", snow.TopTerms.SelectMany(t => t.Split(' ')));
        Assert.Contains(garbage.TopTerms.SelectMany(t => t.Split(' ')), w => w is "ordures" or "collecte" or "déchets");
        Assert.Contains(snowFr.TopTerms.SelectMany(t => t.Split(' ')), w => w is "déneigement" or "neige");
        foreach (var theme in Fixture.Themes)
        {
            var words = Fixture.ThemeOfText.Where(p => p.Value == theme.Id)
                .SelectMany(p => Words(ThemeFixture.Inputs.Single(i => i.TextId == p.Key).Text)).ToHashSet();
            Assert.All(theme.TopTerms.Where(_ => !IsOther(theme)).SelectMany(t => t.Split(' ')), word => Assert.Contains(word, words));
            Assert.Equal(string.Join(" · ", theme.TopTerms.Take(3)), theme.Name);
        }
    }

    [Fact]
    public void Top_terms_are_five_and_never_a_stop_word()
    {
        string[] function = ["the", "a", "to", "and", "of", "is", "le", "la", "les", "des", "de", "du", "très", "pas", "est", "il", "service", "please", "merci", "thanks"];

        foreach (var theme in Fixture.Themes.Where(t => !IsOther(t)))
        {
            Assert.Equal(ThemeDiscovery.TermsPerTheme, theme.TopTerms.Count);
            // A two-word term is shown as written, so "bac de recyclage" may hold a stop word between its two terms.
            Assert.All(theme.TopTerms.Select(t => t.Split(' ')), words => Assert.DoesNotContain(words[0], function));
            Assert.All(theme.TopTerms.Select(t => t.Split(' ')), words => Assert.DoesNotContain(words[^1], function));
        }
    }

    [Fact]
    public void Quotes_are_verbatim_different_texts_of_their_own_theme()
    {
        foreach (var theme in Fixture.Themes)
        {
            Assert.InRange(theme.Quotes.Count, 1, ThemeDiscovery.QuotesPerTheme);
            Assert.Equal(theme.Quotes.Count, theme.Quotes.Select(q => q.Text).Distinct().Count());
            foreach (var quote in theme.Quotes)
            {
                Assert.Equal(ThemeFixture.Inputs.Single(i => i.TextId == quote.TextId).Text, quote.Text);
                Assert.Equal(theme.Id, Fixture.ThemeOfText[quote.TextId]);
            }
        }
    }

    [Fact]
    public void The_same_texts_in_any_order_give_the_same_themes_and_ids()
    {
        var shuffled = ThemeFixture.Inputs.OrderBy(i => i.Text.Length).ThenByDescending(i => i.TextId, StringComparer.Ordinal).ToList();

        var again = ThemeDiscovery.Discover(shuffled);

        Assert.Equal(Describe(Fixture), Describe(again));
    }

    [Fact]
    public void A_refresh_with_a_few_new_texts_keeps_the_ids_of_the_themes_that_did_not_change()
    {
        var more = ThemeFixture.Inputs.Concat(
        [
            new ThemeInput("new-1", "The passport office phone line is always busy.", "en"),
            new ThemeInput("new-2", "More library hours on holidays please.", "en"),
            new ThemeInput("new-3", "La collecte du recyclage est en retard dans le quartier.", "fr"),
        ]).ToList();

        var refreshed = ThemeDiscovery.Discover(more, previous: Fixture);

        foreach (var topic in new[] { ThemeFixture.Snow, ThemeFixture.Passports, ThemeFixture.Library, ThemeFixture.Garbage, ThemeFixture.SnowFr })
        {
            var id = ThemeOf(topic).Id;
            var before = Fixture.ThemeOfText.Where(p => p.Value == id).Select(p => p.Key).ToList();
            Assert.True(before.Count(t => refreshed.ThemeOfText[t] == id) >= 0.8 * before.Count, $"{topic} kept id {id}");
        }
        Assert.Equal(more.Count, refreshed.Themes.Sum(t => t.Count));
    }

    [Fact]
    public void A_previous_set_without_memberships_is_matched_by_top_terms()
    {
        var withoutMembers = Fixture with { ThemeOfText = new Dictionary<string, string>() };
        var fewer = ThemeFixture.Inputs.Where((_, i) => i % 10 != 3).ToList();

        var refreshed = ThemeDiscovery.Discover(fewer, previous: withoutMembers);

        foreach (var topic in new[] { ThemeFixture.Snow, ThemeFixture.Passports, ThemeFixture.Library, ThemeFixture.Garbage, ThemeFixture.SnowFr })
            Assert.Contains(ThemeOf(topic).Id, refreshed.Themes.Select(t => t.Id));
    }

    [Fact]
    public void Texts_without_a_content_word_go_to_the_catch_all_theme_and_are_counted()
    {
        var texts = ThemeFixture.Inputs.Concat(
        [
            new ThemeInput("bare-1", "ok", "en"),
            new ThemeInput("bare-2", "👍", "en"),
            new ThemeInput("bare-3", "Thanks, great service!", "en"),
            new ThemeInput("bare-4", "merci", "fr"),
            new ThemeInput("bare-5", "", "fr"),
        ]).ToList();

        var set = ThemeDiscovery.Discover(texts);

        var other = set.Themes.Single(t => t.Language == "en" && IsOther(t));
        var autres = set.Themes.Single(t => t.Language == "fr" && IsOther(t));
        Assert.Equal("other", other.Name);
        Assert.Equal("autres", autres.Name);
        Assert.All(new[] { "bare-1", "bare-2", "bare-3" }, id => Assert.Equal(other.Id, set.ThemeOfText[id]));
        Assert.All(new[] { "bare-4", "bare-5" }, id => Assert.Equal(autres.Id, set.ThemeOfText[id]));
        Assert.Equal(texts.Count, set.Themes.Sum(t => t.Count));
    }

    [Fact]
    public void A_text_sharing_no_word_with_the_others_goes_to_the_catch_all_theme()
    {
        var set = ThemeDiscovery.Discover([.. ThemeFixture.Inputs, new ThemeInput("alone", "Zebra crossings lack fresh paint.", "en")]);

        Assert.True(ThemeDiscovery.IsOther(set.Themes.Single(t => t.Id == set.ThemeOfText["alone"])));
    }

    [Fact]
    public void A_near_copy_of_a_quoted_text_is_not_quoted_again()
    {
        var set = ThemeDiscovery.Discover(
        [
            new ThemeInput("a", "The library closes too early on Sundays for families.", "en"),
            new ThemeInput("b", "The library closes too early on Sundays for families!!", "en"),
            new ThemeInput("c", "The library closes too early on Sundays for families, again.", "en"),
            new ThemeInput("d", "Please open the library on Sunday mornings as well.", "en"),
        ]);

        Assert.Equal(["a", "d"], Assert.Single(set.Themes).Quotes.Select(q => q.TextId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_texts_give_no_themes()
    {
        var set = ThemeDiscovery.Discover([]);

        Assert.Empty(set.Themes);
        Assert.Empty(set.ThemeOfText);
    }

    [Fact]
    public void A_single_text_gives_one_theme_of_one_named_by_its_words()
    {
        var set = ThemeDiscovery.Discover([new ThemeInput("only", "The snow plow blocked my driveway again.", "en")]);

        var theme = Assert.Single(set.Themes);
        Assert.Equal(1, theme.Count);
        Assert.Equal(theme.Id, set.ThemeOfText["only"]);
        Assert.Contains("snow", theme.TopTerms.SelectMany(t => t.Split(' ')));
        Assert.Equal("The snow plow blocked my driveway again.", Assert.Single(theme.Quotes).Text);
    }

    [Fact]
    public void A_few_texts_make_one_theme()
    {
        var set = ThemeDiscovery.Discover(ThemeFixture.Inputs.Where(i => i.Language == "en").Where((_, i) => i % 20 == 0).ToList());

        Assert.Equal(3, Assert.Single(set.Themes).Count);
    }

    [Fact]
    public void A_repeated_text_id_keeps_the_first_text()
    {
        var set = ThemeDiscovery.Discover(
        [
            new ThemeInput("same", "The library should open on Sundays.", "en"),
            new ThemeInput("same", "Le déneigement est en retard.", "fr"),
        ]);

        var theme = Assert.Single(set.Themes);
        Assert.Equal("en", theme.Language);
        Assert.Equal("The library should open on Sundays.", Assert.Single(theme.Quotes).Text);
    }

    [Fact]
    public void An_unknown_language_is_detected_from_the_words()
    {
        var set = ThemeDiscovery.Discover(
        [
            new ThemeInput("a", "Le déneigement de la rue est très lent cette année.", ""),
            new ThemeInput("b", "The snow plow never came.", "de"),
        ]);

        Assert.Equal("fr", set.Themes.Single(t => t.Id == set.ThemeOfText["a"]).Language);
        Assert.Equal("en", set.Themes.Single(t => t.Id == set.ThemeOfText["b"]).Language);
    }

    [Fact]
    public void The_number_of_themes_can_be_asked_for()
    {
        var set = ThemeDiscovery.Discover(ThemeFixture.Inputs.Where(i => i.Language == "en").ToList(), themesPerLanguage: 2);

        Assert.Equal(2, set.Themes.Count(t => !IsOther(t)));
    }

    [Fact]
    public void No_input_makes_it_throw()
    {
        var random = new Random(7);
        string RandomText(int length) => new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0, 0xFFFF)).ToArray());
        var huge = new StringBuilder().Insert(0, "Snow removal on our street is late again. ", 50_000).ToString();
        List<ThemeInput> texts =
        [
            new("empty", "", "en"),
            new("spaces", "   \t\n ", "fr"),
            new("null-text", null!, "en"),
            new("null-language", "Library hours are too short.", null!),
            null!,
            new(null!, "no id", "en"),
            new("huge", huge, "en"),
            new("emoji", "🙂🙂🙂 👍🏽 ❄️", "fr"),
            new("lone-surrogate", "snow \uD800 plow \uDC00 street", "en"),
            new("hyphens", "--- '' ‐‐ - a-b-c d'-", "fr"),
            new("numbers", "42 3.14 2024-01-01 7am", "en"),
            new("cjk", "图书馆开放时间太短了", "xx"),
            .. Enumerable.Range(0, 40).Select(i => new ThemeInput($"random-{i}", RandomText(random.Next(0, 400)), i % 2 == 0 ? "en" : "fr")),
            .. Enumerable.Range(0, 12).Select(i => new ThemeInput($"same-{i}", "Snow plow snow plow.", "en")),
        ];

        var set = ThemeDiscovery.Discover(texts);
        var again = ThemeDiscovery.Discover(texts, previous: set, themesPerLanguage: 50);
        var none = ThemeDiscovery.Discover(texts, previous: new ThemeSet(null!, null!), themesPerLanguage: -3);

        var counted = texts.Count(t => t?.TextId is not null);
        Assert.Equal(counted, set.Themes.Sum(t => t.Count));
        Assert.Equal(counted, again.Themes.Sum(t => t.Count));
        Assert.Equal(counted, none.Themes.Sum(t => t.Count));
        Assert.Equal(huge, set.Themes.SelectMany(t => t.Quotes).SingleOrDefault(q => q.TextId == "huge")?.Text ?? huge);
    }

    private static Theme ThemeOf(string topic)
    {
        var id = ThemeFixture.Inputs.Where(i => ThemeFixture.TopicOf(i.TextId) == topic).CountBy(i => Fixture.ThemeOfText[i.TextId]).MaxBy(c => c.Value).Key;
        return Fixture.Themes.Single(t => t.Id == id);
    }

    private static bool IsOther(Theme theme) => ThemeDiscovery.IsOther(theme);

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', '?', '!', '\'', '’', '-'], StringSplitOptions.RemoveEmptyEntries);

    private static string Describe(ThemeSet set) =>
        string.Join("\n", set.Themes.Select(t => $"{t.Id} {t.Language} {t.Count} [{string.Join("|", t.TopTerms)}] {string.Join("|", t.Quotes.Select(q => q.TextId))}"))
        + "\n" + string.Join("\n", set.ThemeOfText.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
