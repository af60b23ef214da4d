using Engagement.Insights.Sentiment;

namespace Engagement.Insights.Tests.Sentiment;

/// <summary>The word-list features: negation flips what follows it, and what follows the last "but" is kept apart.</summary>
public sealed class LexiconTests
{
    private static float[] Features(string text) => Lexicon.Shipped.Features(text, Tokens.Words(text).ToList());

    [Theory]
    [InlineData("The staff were helpful.", 0, 2)]
    [InlineData("The staff were not helpful.", 2, 0)]
    [InlineData("Le personnel était efficace.", 0, 2)]
    [InlineData("Le personnel n'était pas efficace.", 2, 0)]
    public void A_negation_moves_a_positive_word_to_the_negated_count(string text, int negatedPositiveSlot, int otherSlot)
    {
        var f = Features(text);

        Assert.True(f[negatedPositiveSlot] > 0, $"slot {negatedPositiveSlot} is {f[negatedPositiveSlot]}");
        Assert.Equal(0, f[otherSlot]);
    }

    [Fact]
    public void What_follows_the_last_but_is_counted_on_its_own()
    {
        var f = Features("The staff were lovely but the wait was horrible and useless.");

        Assert.Equal(1, f[8]);
        Assert.True(f[9] < 0);
    }

    [Theory]
    [InlineData("déçu")]
    [InlineData("decu")]
    public void French_words_are_found_with_or_without_their_accents(string word)
    {
        Assert.True(Lexicon.Shipped.Knows(word));
    }

    [Theory]
    [InlineData("This is awful", "en")]
    [InlineData("C'est vraiment nul", "fr")]
    [InlineData("Merci", "fr")]
    [InlineData("Useless.", "und")]
    [InlineData("El servicio es muy malo", null)]
    public void The_language_is_told_by_its_common_words(string text, string? expected)
    {
        Assert.Equal(expected, TextLanguage.Detect(Tokens.Words(text).ToList(), text));
    }
}
