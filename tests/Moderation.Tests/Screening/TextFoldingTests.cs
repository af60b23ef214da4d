using Engagement.Moderation.Screening;

namespace Engagement.Moderation.Tests.Screening;

/// <summary>Folding for matching: case, accents, look-alikes, compatibility forms and leetspeak fold; numbers stay numbers.</summary>
public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("FUCK", "fuck")]
    [InlineData("Cönnard", "connard")]
    [InlineData("ÉCOLE élève", "ecole eleve")]
    [InlineData("e\u0301cole", "ecole")]
    [InlineData("ｆｕｃｋ", "fuck")]
    [InlineData("𝐟𝐮𝐜𝐤 𝓈𝒽𝒾𝓉", "fuck shit")]
    [InlineData("ⓕⓤⓒⓚ", "fuck")]
    [InlineData("🇫🇺🇨🇰", "fuck")]
    [InlineData("fuсk", "fuck")] // Cyrillic с
    [InlineData("ѕһіт", "shit")] // Cyrillic ѕ һ і т
    [InlineData("АSS", "ass")] // Cyrillic А
    [InlineData("Ηello ΡΟΟΡ", "hello poop")] // Greek capitals Η Ρ Ο
    [InlineData("ʙɪᴛᴄʜ", "bitch")] // small capitals
    [InlineData("Straße cœur Æther", "strasse coeur aether")]
    [InlineData("f\u200Bu\u00ADc\u2060k", "fuck")] // invisible characters dropped
    [InlineData("sh1t", "shit")]
    [InlineData("@ss a$$", "ass ass")]
    [InlineData("$h!t", "shit")]
    [InlineData("c0nn4rd", "connard")]
    [InlineData("7rump5", "trumps")]
    public void Folds_case_accents_lookalikes_and_leetspeak(string text, string folded) =>
        Assert.Equal(folded, TextFolding.ForMatching(text));

    [Theory]
    [InlineData("455")]
    [InlineData("$5 or 100$")]
    [InlineData("2024-2025")]
    [InlineData("call 613-555-0134")]
    [InlineData("wow!")]
    [InlineData("hello! world")]
    public void Numbers_and_punctuation_without_letters_stay_as_written(string text) =>
        Assert.Equal(text, TextFolding.ForMatching(text));

    [Fact]
    public void Words_break_at_anything_but_letters_and_digits_and_keep_masks_inside_a_word()
    {
        var folded = TextFolding.Fold("Hello, f*ck **bold** #tag l'eau trou-du-cul");

        var words = folded.Words.Select(w => folded.Text.Substring(w.Start, w.Length));

        Assert.Equal(["hello", "f*ck", "bold", "tag", "l", "eau", "trou", "du", "cul"], words);
    }

    [Fact]
    public void A_word_in_folded_text_maps_back_to_where_the_author_wrote_it()
    {
        const string text = "Oh 𝐟𝐮𝐜𝐤 Straße ｓｈ1ｔ";
        var folded = TextFolding.Fold(text);

        var spans = folded.Words.Select(w => folded.ToSource(w.Start, w.Length)).Select(s => text.Substring(s.Start, s.Length));

        Assert.Equal(["Oh", "𝐟𝐮𝐜𝐤", "Straße", "ｓｈ1ｔ"], spans);
        Assert.True(folded.IsWordBoundary(folded.Words[1].Start));
        Assert.False(folded.IsWordBoundary(folded.Words[1].Start + 1));
    }

    [Fact]
    public void A_one_read_as_i_is_remembered_as_possibly_an_l()
    {
        var folded = TextFolding.Fold("he11o");

        Assert.Equal("heiio", folded.Text);
        Assert.True(folded.HasAmbiguousLetter(0, 5));
        Assert.True(folded.IsAmbiguousLetter(2));
        Assert.False(folded.IsAmbiguousLetter(1));
    }

    [Fact]
    public void Lone_surrogates_and_control_characters_fold_to_spaces()
    {
        var folded = TextFolding.ForMatching("a\uD800b\uDC00c\u0001d");

        Assert.Equal("a b c d", folded);
    }
}
