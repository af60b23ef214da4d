using System.Text.RegularExpressions;
using Engagement.Web.Participants;

namespace Engagement.Web.Tests;

/// <summary>The email verification pages' words exist in both languages, with the same placeholders, and French is not English.</summary>
public sealed partial class VerifyEmailTextsTests
{
    [Fact]
    public void Every_text_has_an_english_and_a_french_version_with_the_same_placeholders()
    {
        Assert.All(VerifyEmailTexts.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.En), t.Name);
            Assert.False(string.IsNullOrWhiteSpace(t.Fr), t.Name);
            Assert.True(t.En != t.Fr, $"'{t.Name}' is not translated.");
            Assert.Equal(Placeholders(t.En), Placeholders(t.Fr));
        });
    }

    [Fact]
    public void An_unknown_text_is_a_programming_error_named_in_the_exception()
    {
        var error = Assert.Throws<ArgumentException>(() => VerifyEmailTexts.Get("no-such-text", "en"));

        Assert.Contains("no-such-text", error.Message, StringComparison.Ordinal);
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
