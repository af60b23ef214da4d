using Engagement.Core.Common;
using Engagement.Core.Widgets;

namespace Engagement.Core.Tests.Widgets;

/// <summary>The public key's shape and the question a key shows in each language.</summary>
public sealed class WidgetKeyTests
{
    // The documented shape (docs/widget.md): "wk_" then letters and digits, KeyLength characters in all.
    private static readonly int BodyLength = WidgetKey.KeyLength - WidgetKey.Prefix.Length;

    private static string Body(char c) => new(c, BodyLength);

    private static WidgetKey Key(LocalizedText question) => new()
    {
        Id = Ids.New(),
        Key = WidgetKey.NewKey(),
        OrganisationId = Ids.New(),
        ServiceId = Ids.New(),
        AllowedOrigins = ["https://www.example.ca"],
        Question = question,
        ShowAverage = false,
        Enabled = true,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void NewKey_is_the_prefix_then_letters_and_digits_at_the_documented_length()
    {
        var key = WidgetKey.NewKey();

        Assert.Matches($"^wk_[A-Za-z0-9]{{{BodyLength}}}\\z", key);
        Assert.Equal(WidgetKey.KeyLength, key.Length);
        Assert.True(WidgetKey.LooksLikeKey(key));
    }

    [Fact]
    public void NewKey_carries_at_least_128_random_bits()
    {
        // 62 possible characters per position: log2(62) ≈ 5.954 bits each.
        Assert.True(BodyLength * Math.Log2(62) >= 128, $"{BodyLength} characters carry {BodyLength * Math.Log2(62):F1} bits.");
    }

    [Fact]
    public void NewKey_never_repeats_and_uses_the_whole_alphabet()
    {
        var keys = Enumerable.Range(0, 2_000).Select(_ => WidgetKey.NewKey()).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        var characters = keys.SelectMany(k => k[WidgetKey.Prefix.Length..]).ToHashSet();
        Assert.Contains(characters, char.IsAsciiLetterUpper);
        Assert.Contains(characters, char.IsAsciiLetterLower);
        Assert.Contains(characters, char.IsAsciiDigit);
    }

    [Fact]
    public void LooksLikeKey_accepts_the_prefix_then_letters_and_digits_at_the_documented_length()
    {
        Assert.True(WidgetKey.LooksLikeKey("wk_" + Body('0')));
        Assert.True(WidgetKey.LooksLikeKey("wk_" + Body('Z')));
        Assert.True(WidgetKey.LooksLikeKey("wk_" + Body('a')));
        Assert.True(WidgetKey.LooksLikeKey("wk_" + "aB3" + Body('x')[3..]));
    }

    public static readonly TheoryData<string> NotKeys = new()
    {
        "",
        "wk_",
        "wk_" + Body('a')[1..],
        "wk_" + Body('a') + "a",
        "WK_" + Body('a'),
        "Wk_" + Body('a'),
        "wk-" + Body('a'),
        "xx_" + Body('a'),
        "wk" + Body('a') + "a",
        " wk_" + Body('a')[1..],
        "wk_" + Body('a')[1..] + " ",
        "wk_" + Body('a')[1..] + "\n",
        "wk_" + Body('a')[1..] + "-",
        "wk_" + Body('a')[1..] + "_",
        "wk_" + Body('a')[3..] + "%2F",
        "wk_" + Body('a')[1..] + "é",
        "wk_" + Body('a')[1..] + "\u0661", // ARABIC-INDIC DIGIT ONE: a digit, not an ASCII one
        "wk_" + Body('a')[1..] + "\uFF41", // FULLWIDTH LATIN SMALL LETTER A
        ("wk_../../../../etc/passwd" + Body('a'))[..WidgetKey.KeyLength],
    };

    [Theory]
    [MemberData(nameof(NotKeys))]
    public void LooksLikeKey_refuses_anything_else(string text) =>
        Assert.False(WidgetKey.LooksLikeKey(text));

    [Fact]
    public void QuestionIn_gives_the_keys_own_wording_in_that_language()
    {
        var key = Key(LocalizedText.EnFr("Did you find what you needed?", "Avez-vous trouvé ce qu’il vous fallait?"));

        Assert.Equal("Did you find what you needed?", key.QuestionIn("en"));
        Assert.Equal("Avez-vous trouvé ce qu’il vous fallait?", key.QuestionIn("fr"));
    }

    [Fact]
    public void QuestionIn_gives_the_default_wording_where_the_key_has_none()
    {
        var key = Key(LocalizedText.Empty);

        Assert.Equal("How was your experience?", key.QuestionIn("en"));
        Assert.Equal(WidgetKey.DefaultQuestion["fr"], key.QuestionIn("fr"));
    }

    [Fact]
    public void QuestionIn_gives_the_default_wording_for_a_language_the_key_left_out_or_blank()
    {
        var key = Key(new LocalizedText([new("en", "Rate this page"), new("fr", "   ")]));

        Assert.Equal("Rate this page", key.QuestionIn("en"));
        Assert.Equal(WidgetKey.DefaultQuestion["fr"], key.QuestionIn("fr"));
    }

    [Fact]
    public void DefaultQuestion_is_given_in_english_and_french() =>
        Assert.Equal(["en", "fr"], WidgetKey.DefaultQuestion.Keys);
}
