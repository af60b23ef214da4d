using Engagement.Core.Common;

namespace Engagement.Core.Tests.Common;

/// <summary>Texts per language: lookup, fallback, equality, and keeping every text as given.</summary>
public sealed class LocalizedTextTests
{
    [Fact]
    public void EnFr_holds_both_languages()
    {
        var text = LocalizedText.EnFr("Hello", "Bonjour");
        Assert.Equal(2, text.Count);
        Assert.Equal("Hello", text["en"]);
        Assert.Equal("Bonjour", text["fr"]);
    }

    [Fact]
    public void Has_is_false_for_a_missing_or_blank_language()
    {
        var text = new LocalizedText([new("en", "Hello"), new("fr", "   ")]);
        Assert.True(text.Has("en"));
        Assert.False(text.Has("fr"));
        Assert.False(text.Has("de"));
    }

    [Fact]
    public void In_falls_back_to_english_then_to_any_language()
    {
        var both = LocalizedText.EnFr("Hello", "Bonjour");
        Assert.Equal("Bonjour", both.In("fr"));
        Assert.Equal("Hello", both.In("de"));

        var frenchOnly = new LocalizedText([new("fr", "Bonjour")]);
        Assert.Equal("Bonjour", frenchOnly.In("de"));
        Assert.Null(LocalizedText.Empty.In("en"));
    }

    [Fact]
    public void Equality_compares_every_language_and_text_regardless_of_order()
    {
        var a = new LocalizedText([new("fr", "Bonjour"), new("en", "Hello")]);
        var b = LocalizedText.EnFr("Hello", "Bonjour");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, LocalizedText.EnFr("Hello", "Salut"));
        Assert.NotEqual(a, new LocalizedText([new("en", "Hello")]));
    }

    [Fact]
    public void Languages_are_listed_in_ordinal_order()
    {
        var text = new LocalizedText([new("fr", "b"), new("en", "a")]);
        Assert.Equal(["en", "fr"], text.Keys);
    }

    [Fact]
    public void A_repeated_language_keeps_the_last_text()
    {
        var text = new LocalizedText([new("en", "first"), new("en", "second")]);
        Assert.Equal("second", Assert.Single(text).Value);
    }

    [Fact]
    public void Texts_are_kept_exactly_as_given()
    {
        var text = LocalizedText.EnFr("  Cafe\u0301 👨‍👩‍👧‍👦 ", "市役所\n");
        Assert.Equal("  Cafe\u0301 👨‍👩‍👧‍👦 ", text["en"]);
        Assert.Equal("市役所\n", text["fr"]);
    }
}
