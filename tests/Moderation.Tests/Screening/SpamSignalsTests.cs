using Engagement.Core.Screening;
using Engagement.Moderation.Screening;

namespace Engagement.Moderation.Tests.Screening;

/// <summary>Links, repetition, capitals, near-duplicates and pace, each at its thresholds.</summary>
public sealed class SpamSignalsTests
{
    private const string Petition =
        "The city should restore the number 14 bus route along Elm Street because many seniors depend on it to reach the clinic and the library every week";

    private readonly SpamSignals _step = new();

    [Fact]
    public void Runs_after_terms_and_before_the_abuse_model()
    {
        Assert.Equal(400, _step.Order);
    }

    [Fact]
    public async Task An_ordinary_comment_records_nothing()
    {
        var context = await Screen.RunAsync(_step, "The new opening hours are great, thank you. Parking is still hard on Saturdays.", participant: "p1");

        Assert.Empty(context.Reasons);
    }

    // Links

    [Theory]
    [InlineData("See https://www.Example.com/path?q=1 for details", "1 link: example.com")]
    [InlineData("More at www.canada.ca/en.html.", "1 link: canada.ca")]
    [InlineData("More at quebec.gouv.qc.ca or service.gc.ca", "2 links: quebec.gouv.qc.ca, service.gc.ca")]
    [InlineData("Read http://example.org and http://example.org again", "2 links: example.org")]
    [InlineData("Le site ville-montreal.fr explique tout", "1 link: ville-montreal.fr")]
    [InlineData("(see HTTPS://Example.COM/a/b.com?x=y.org).", "1 link: example.com")] // the path is not read for more links
    [InlineData("Log in at https://admin:secret@evil.example.net/panel", "1 link: evil.example.net")]
    [InlineData("Le site Montréal.ca", "1 link: montréal.ca")]
    public async Task One_or_two_links_are_noted_with_their_domains(string text, string detail)
    {
        var context = await Screen.RunAsync(_step, text);

        var reason = Assert.Single(context.Reasons);
        Assert.Equal(("spam.link", ReasonSeverity.Info, detail), (reason.Code, reason.Severity, reason.Detail));
        Assert.Equal(ScreeningOutcome.Publish, context.Outcome);
    }

    [Fact]
    public async Task Three_links_hold_the_text()
    {
        var context = await Screen.RunAsync(_step, "Cheap deals: https://a.example.com, www.b-example.net and c-example.xyz");

        var reason = Assert.Single(context.Reasons);
        Assert.Equal(("spam.links", ReasonSeverity.Hold, "3 links: a.example.com, b-example.net, c-example.xyz"), (reason.Code, reason.Severity, reason.Detail));
    }

    [Theory]
    [InlineData("Click bit.ly/3xYz now", "bit.ly")]
    [InlineData("Click https://tinyurl.com/abc now", "tinyurl.com")]
    [InlineData("Click https://t.co/abc now", "t.co")]
    [InlineData("Click https://shorturl.at/abc now", "shorturl.at")]
    public async Task One_link_shortener_holds_the_text(string text, string shortener)
    {
        var context = await Screen.RunAsync(_step, text);

        var reason = Assert.Single(context.Reasons);
        Assert.Equal(("spam.links", ReasonSeverity.Hold), (reason.Code, reason.Severity));
        Assert.Contains(shortener, reason.Detail, StringComparison.Ordinal);
        Assert.Contains("shortener", reason.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Write to jean.tremblay@example.com please")]
    [InlineData("e.g. the park, i.e. the big one, etc. and so on")]
    [InlineData("I agree.It is good.So is the rest.To be fair.")]
    [InlineData("The road is 3.5 km long and costs 1.2 million")]
    [InlineData("Version 10.0.4 of the app, file report.pdf")]
    public async Task Things_that_look_a_little_like_links_are_not_links(string text)
    {
        var context = await Screen.RunAsync(_step, text);

        Assert.DoesNotContain(context.Reasons, r => r.Code.StartsWith("spam.link", StringComparison.Ordinal));
    }

    // Repetition

    [Fact]
    public async Task A_character_ten_times_in_a_row_holds_the_text()
    {
        var context = await Screen.RunAsync(_step, $"N{new string('o', 10)} way");

        var reason = Assert.Single(context.Reasons);
        Assert.Equal(("spam.repetition", ReasonSeverity.Hold, "'o' 10 times in a row"), (reason.Code, reason.Severity, reason.Detail));
    }

    [Theory]
    [InlineData("Nooooooooo way")] // nine o
    [InlineData("Budget: 10000000000 dollars")] // digits are numbers
    [InlineData("a          b")] // spaces
    [InlineData("aaaaa aaaaa")]
    public async Task Fewer_than_ten_or_digits_and_spaces_are_not_repetition(string text)
    {
        var context = await Screen.RunAsync(_step, text);

        Assert.Empty(context.Reasons);
    }

    [Fact]
    public async Task Ten_emoji_or_punctuation_marks_in_a_row_are_repetition()
    {
        Assert.Equal("spam.repetition", Assert.Single((await Screen.RunAsync(_step, "Why" + new string('!', 10))).Reasons).Code);
        Assert.Equal("spam.repetition", Assert.Single((await Screen.RunAsync(_step, string.Concat(Enumerable.Repeat("😂", 10)))).Reasons).Code);
    }

    [Fact]
    public async Task A_word_five_times_in_a_row_holds_the_text_whatever_its_case_and_punctuation()
    {
        var context = await Screen.RunAsync(_step, "Buy BUY buy, buy. Buy! now");

        var reason = Assert.Single(context.Reasons);
        Assert.Equal(("spam.repetition", ReasonSeverity.Hold, "'buy' 5 times in a row"), (reason.Code, reason.Severity, reason.Detail));
    }

    [Fact]
    public async Task A_repeated_character_and_a_repeated_word_make_one_reason_with_both()
    {
        var context = await Screen.RunAsync(_step, "spam spam spam spam spam!!!!!!!!!!!!");

        var reason = Assert.Single(context.Reasons);
        Assert.Equal(("spam.repetition", "'!' 12 times in a row; 'spam' 5 times in a row"), (reason.Code, reason.Detail));
    }

    [Theory]
    [InlineData("no no no no, not again")] // four
    [InlineData("no no no yes no no")]
    public async Task A_word_four_times_in_a_row_is_not_repetition(string text)
    {
        var context = await Screen.RunAsync(_step, text);

        Assert.Empty(context.Reasons);
    }

    // Capitals

    [Fact]
    public async Task Twenty_letters_all_in_capitals_are_noted_as_shouting()
    {
        var context = await Screen.RunAsync(_step, "FIX THE ROADS NOW PLEASE"); // 20 letters

        var reason = Assert.Single(context.Reasons);
        Assert.Equal(("spam.caps", ReasonSeverity.Info, "20 of 20 letters in capitals"), (reason.Code, reason.Severity, reason.Detail));
        Assert.Equal(ScreeningOutcome.Publish, context.Outcome);
    }

    [Fact]
    public async Task Nineteen_letters_in_capitals_are_too_few_to_call_shouting()
    {
        var context = await Screen.RunAsync(_step, "FIX THE ROADS NOW PLEAS"); // 19 letters

        Assert.Empty(context.Reasons);
    }

    [Theory]
    [InlineData(16, 4, true)] // exactly 80%
    [InlineData(80, 20, true)]
    [InlineData(79, 21, false)] // just under
    [InlineData(15, 5, false)]
    [InlineData(19, 0, false)] // too few letters
    [InlineData(4, 16, false)]
    public async Task Capitals_count_from_eighty_percent_of_at_least_twenty_letters(int capitals, int lowercase, bool shouting)
    {
        // Letters in pairs of different letters, spaces between, so neither repetition rule applies.
        var letters = Enumerable.Range(0, capitals).Select(i => (char)('A' + (i % 2))).Concat(Enumerable.Range(0, lowercase).Select(i => (char)('c' + (i % 2))));
        var text = string.Join(' ', letters.Chunk(4).Select(chunk => new string(chunk)));

        var context = await Screen.RunAsync(_step, text);

        Assert.Equal(shouting, context.Reasons.Any(r => r.Code == "spam.caps"));
    }

    // Near-duplicates

    [Fact]
    public async Task The_same_text_again_from_anyone_in_the_organisation_is_held()
    {
        await Screen.RunAsync(_step, Petition, participant: "alice");

        var context = await Screen.RunAsync(_step, Petition, now: Screen.Noon.AddMinutes(30), participant: "bob");

        var reason = Assert.Single(context.Reasons);
        Assert.Equal(("spam.duplicate", ReasonSeverity.Hold), (reason.Code, reason.Severity));
        Assert.Contains("30 min ago", reason.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("THE CITY SHOULD RESTORE THE NUMBER 14 BUS ROUTE ALONG ELM STREET, BECAUSE MANY SENIORS DEPEND ON IT TO REACH THE CLINIC AND THE LIBRARY EVERY WEEK!!")]
    [InlineData("The city should restore the number 14 bus route along Elm Street because many seniors depend on it to reach the clinic and the library every single week")]
    [InlineData("The city should restore the number 14 bus route along Elm Street because many seniors depend on it to reach the clinic and the library every week. Thanks")]
    [InlineData("Many seniors depend on the number 14 bus route along Elm Street to reach the clinic and the library every week, so the city should restore it")]
    [InlineData("The city should restore the number 15 bus route along Elm Street because many seniors depend on it to reach the clinic and the library every week")] // 23 of 25 words: 0.92
    public async Task A_small_edit_of_a_recent_text_is_still_a_duplicate(string edited)
    {
        await Screen.RunAsync(_step, Petition);

        var context = await Screen.RunAsync(_step, edited, now: Screen.Noon.AddSeconds(10));

        Assert.Contains(context.Reasons, r => r.Code == "spam.duplicate");
    }

    [Theory]
    [InlineData("The city should extend the number 22 bus route along Oak Avenue because many students need it to reach the college and the pool every day")]
    [InlineData("Please restore the Elm Street library hours; seniors used to visit the clinic after reading there every week and now cannot")]
    [InlineData("The town should restore the number 14 bus line along Elm Street because many seniors depend on it to reach the clinic and the library every week")] // 22 of 26 words: 0.85
    [InlineData("La ville devrait rétablir la ligne de bus 14 sur la rue Elm, car beaucoup d'aînés en dépendent pour aller à la clinique et à la bibliothèque")]
    public async Task A_different_text_on_the_same_subject_is_not_a_duplicate(string other)
    {
        await Screen.RunAsync(_step, Petition);

        var context = await Screen.RunAsync(_step, other, now: Screen.Noon.AddSeconds(10));

        Assert.DoesNotContain(context.Reasons, r => r.Code == "spam.duplicate");
    }

    [Fact]
    public async Task Long_texts_are_compared_on_a_sketch_of_their_words()
    {
        var words = Enumerable.Range(0, 400).Select(i => $"word{i}").ToArray();
        var original = string.Join(' ', words);
        var edited = string.Join(' ', words.Select((w, i) => i % 100 == 0 ? $"changed{i}" : w)); // 4 of 400 changed: 0.98
        var half = string.Join(' ', words.Take(200).Concat(Enumerable.Range(0, 200).Select(i => $"other{i}"))); // 0.33

        await Screen.RunAsync(_step, original);

        Assert.Contains((await Screen.RunAsync(_step, edited)).Reasons, r => r.Code == "spam.duplicate");
        Assert.DoesNotContain((await Screen.RunAsync(_step, half)).Reasons, r => r.Code == "spam.duplicate");
    }

    [Fact]
    public void Sketches_give_the_exact_jaccard_similarity_of_short_texts()
    {
        var a = SpamRecentTexts.Sign(TextFolding.Fold("one two three four five six seven eight nine ten"), 8)!;
        var b = SpamRecentTexts.Sign(TextFolding.Fold("one two three four five six seven eight nine eleven"), 8)!;

        Assert.Equal(9.0 / 11, SpamRecentTexts.Jaccard(a.Sketch, b.Sketch), 6);
        Assert.Equal(1.0, SpamRecentTexts.Jaccard(a.Sketch, a.Sketch));
        Assert.Equal(10, a.DistinctWords);
    }

    [Fact]
    public async Task Eight_words_are_enough_to_compare_and_seven_are_not()
    {
        const string eight = "I fully agree with the plan for parks";
        const string seven = "I fully agree with the park plan";

        await Screen.RunAsync(_step, eight);
        await Screen.RunAsync(_step, seven);

        Assert.Contains((await Screen.RunAsync(_step, eight)).Reasons, r => r.Code == "spam.duplicate");
        Assert.Empty((await Screen.RunAsync(_step, seven)).Reasons);
    }

    [Theory]
    [InlineData("I agree")]
    [InlineData("Merci beaucoup !")]
    [InlineData("Same as above, +1")]
    public async Task Short_texts_repeated_by_many_are_never_duplicates(string text)
    {
        for (var i = 0; i < 20; i++)
            Assert.Empty((await Screen.RunAsync(_step, text, now: Screen.Noon.AddMinutes(i))).Reasons);
    }

    [Fact]
    public async Task Another_organisation_texts_are_not_compared()
    {
        await Screen.RunAsync(_step, Petition, organisation: "city");

        var context = await Screen.RunAsync(_step, Petition, organisation: "province");

        Assert.Empty(context.Reasons);
    }

    [Fact]
    public async Task A_text_older_than_the_window_is_forgotten()
    {
        await Screen.RunAsync(_step, Petition);
        Assert.Contains((await Screen.RunAsync(_step, Petition, now: Screen.Noon.AddHours(23.9))).Reasons, r => r.Code == "spam.duplicate");

        var step = new SpamSignals();
        await Screen.RunAsync(step, Petition);
        Assert.Empty((await Screen.RunAsync(step, Petition, now: Screen.Noon.AddHours(24).AddSeconds(1))).Reasons);
    }

    [Fact]
    public async Task The_window_keeps_only_the_latest_texts_of_each_organisation()
    {
        var recent = new SpamRecentTexts(maxTextsPerOrganisation: 3);
        var step = new SpamSignals(recent, new SpamPace());
        for (var i = 0; i < 5; i++)
            await Screen.RunAsync(step, $"{Petition} {i}", now: Screen.Noon.AddMinutes(i));

        Assert.Equal(3, recent.Count("org-1"));
    }

    [Fact]
    public async Task The_window_keeps_a_bounded_number_of_sketched_words_per_organisation()
    {
        var recent = new SpamRecentTexts(maxSketchWordsPerOrganisation: 300);
        var step = new SpamSignals(recent, new SpamPace());

        for (var i = 0; i < 10; i++)
            await Screen.RunAsync(step, string.Join(' ', Enumerable.Range(0, 200).Select(k => $"w{i}x{k}")), now: Screen.Noon.AddMinutes(i)); // 128 sketched words each

        Assert.Equal(2, recent.Count("org-1"));
    }

    [Fact]
    public async Task Only_the_most_recently_seen_organisations_are_remembered()
    {
        var recent = new SpamRecentTexts(maxOrganisations: 2);
        var step = new SpamSignals(recent, new SpamPace());

        await Screen.RunAsync(step, Petition, organisation: "a");
        await Screen.RunAsync(step, Petition, organisation: "b");
        await Screen.RunAsync(step, Petition, organisation: "a", now: Screen.Noon.AddSeconds(1)); // a is used again
        await Screen.RunAsync(step, Petition, organisation: "c"); // b, the least recently seen, goes

        Assert.Equal(2, recent.Organisations);
        Assert.Equal(0, recent.Count("b"));
        Assert.Equal(2, recent.Count("a"));
    }

    // Pace

    [Fact]
    public async Task A_second_text_within_five_seconds_is_too_fast()
    {
        await Screen.RunAsync(_step, "First", participant: "p1");

        var context = await Screen.RunAsync(_step, "Second", now: Screen.Noon.AddSeconds(4.9), participant: "p1");

        var reason = Assert.Single(context.Reasons);
        Assert.Equal(("spam.too_fast", ReasonSeverity.Hold, "a second text 4.9 s after the previous one"), (reason.Code, reason.Severity, reason.Detail));
    }

    [Fact]
    public async Task A_short_text_five_seconds_after_the_previous_one_is_fine()
    {
        await Screen.RunAsync(_step, "First", participant: "p1");

        var context = await Screen.RunAsync(_step, "Second", now: Screen.Noon.AddSeconds(5), participant: "p1");

        Assert.Empty(context.Reasons);
    }

    [Fact]
    public async Task A_long_text_sooner_after_the_previous_one_than_typing_takes_is_too_fast()
    {
        var long300 = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i}"))[..300]; // 20 s of typing at 15 characters a second

        await Screen.RunAsync(_step, "First", participant: "p1");
        var tooSoon = await Screen.RunAsync(_step, long300, now: Screen.Noon.AddSeconds(19.9), participant: "p1");

        await Screen.RunAsync(_step, "First", now: Screen.Noon.AddMinutes(10), participant: "p2");
        var inTime = await Screen.RunAsync(_step, long300, now: Screen.Noon.AddMinutes(10).AddSeconds(20), participant: "p2");

        var reason = Assert.Single(tooSoon.Reasons, r => r.Code == "spam.too_fast");
        Assert.Equal("300 characters 19.9 s after the previous text; typing them takes at least 20 s", reason.Detail);
        Assert.DoesNotContain(inTime.Reasons, r => r.Code == "spam.too_fast");
    }

    [Fact]
    public async Task More_than_five_texts_within_a_minute_are_too_fast()
    {
        for (var i = 0; i < 5; i++)
            Assert.Empty((await Screen.RunAsync(_step, $"Reply {i}", now: Screen.Noon.AddSeconds(12 * i), participant: "p1")).Reasons);

        var sixth = await Screen.RunAsync(_step, "Reply 5", now: Screen.Noon.AddSeconds(60), participant: "p1");
        var later = await Screen.RunAsync(_step, "Reply 6", now: Screen.Noon.AddSeconds(60 + 61), participant: "p1");

        Assert.Equal("more than 5 texts within 60 s", Assert.Single(sixth.Reasons).Detail);
        Assert.Empty(later.Reasons);
    }

    [Fact]
    public async Task Anonymous_texts_and_different_participants_are_not_paced_together()
    {
        await Screen.RunAsync(_step, "First", participant: "p1");

        Assert.Empty((await Screen.RunAsync(_step, "Second", now: Screen.Noon.AddSeconds(1), participant: "p2")).Reasons);
        Assert.Empty((await Screen.RunAsync(_step, "Third", now: Screen.Noon.AddSeconds(1))).Reasons);
        Assert.Empty((await Screen.RunAsync(_step, "Fourth", now: Screen.Noon.AddSeconds(1))).Reasons);
        Assert.Single((await Screen.RunAsync(_step, "Fifth", now: Screen.Noon.AddSeconds(2), participant: "p1")).Reasons);
    }

    [Fact]
    public async Task The_same_participant_in_another_organisation_is_paced_apart()
    {
        await Screen.RunAsync(_step, "First", organisation: "a", participant: "p1");

        Assert.Empty((await Screen.RunAsync(_step, "Second", now: Screen.Noon.AddSeconds(1), organisation: "b", participant: "p1")).Reasons);
    }

    [Fact]
    public void The_pace_window_forgets_quiet_participants_first_when_full()
    {
        var pace = new SpamPace(maxParticipants: 3);
        var later = Screen.Noon.AddMinutes(20);
        pace.Record("o", "quiet", Screen.Noon, 10);
        pace.Record("o", "busy1", later, 10);
        pace.Record("o", "busy2", later, 10);

        pace.Record("o", "new", later.AddSeconds(1), 10);

        Assert.Equal(3, pace.Count);
        Assert.False(pace.Remembers("o", "quiet"));
        Assert.True(pace.Remembers("o", "busy1"));
        Assert.NotNull(pace.Record("o", "busy1", later.AddSeconds(2), 10)); // still paced: too fast
    }

    [Fact]
    public void The_pace_window_stays_bounded_when_every_participant_is_active()
    {
        var pace = new SpamPace(maxParticipants: 100);

        for (var i = 0; i < 1_000; i++)
            pace.Record("o", $"p{i}", Screen.Noon, 10);

        Assert.InRange(pace.Count, 1, 100);
    }

    [Fact]
    public async Task Concurrent_screening_keeps_the_windows_consistent()
    {
        var recent = new SpamRecentTexts(maxTextsPerOrganisation: 50, maxOrganisations: 8);
        var pace = new SpamPace(maxParticipants: 64);
        var step = new SpamSignals(recent, pace);

        await Parallel.ForAsync(0, 4_000, async (i, ct) =>
        {
            var context = Screen.Context($"{Petition} {i % 7}", now: Screen.Noon.AddMilliseconds(i), organisation: $"org-{i % 16}", participant: $"p{i % 200}");
            await step.RunAsync(context, ct);
        });

        Assert.InRange(recent.Organisations, 1, 8);
        Assert.InRange(pace.Count, 1, 64);
        for (var o = 0; o < 16; o++)
            Assert.InRange(recent.Count($"org-{o}"), 0, 50);
    }
}
