using Engagement.Core.Screening;
using Engagement.Moderation.Screening;

namespace Engagement.Moderation.Tests.Screening;

/// <summary>The stored text in NFC without invisible characters; letters, accents and emoji stay; bidi overrides hold the text.</summary>
public sealed class NormaliseTextTests
{
    private readonly NormaliseText _step = new();

    [Fact]
    public void Runs_first()
    {
        Assert.Equal(100, _step.Order);
    }

    [Theory]
    [InlineData("A plain comment.\nWith two lines\tand a tab.")]
    [InlineData("Le délai de traitement à Montréal est trop long, ça m'énerve ! Où est l'accusé de réception ?")]
    [InlineData("Great service 👍🏽 ❤️ 1️⃣")]
    [InlineData("The nurses 👩‍⚕️ and the family 👨‍👩‍👧 were kind.")]
    [InlineData("Go 🏴󠁧󠁢󠁳󠁣󠁴󠁿!")] // Scotland: a subdivision flag written with tag characters
    [InlineData("می‌خواهم")] // Persian: the zero-width non-joiner is part of the spelling
    public async Task A_text_without_anything_invisible_is_kept_as_written_and_records_nothing(string text)
    {
        var context = Screen.Context(text);

        await _step.RunAsync(context, CancellationToken.None);

        Assert.Equal(text, context.Text);
        Assert.Empty(context.Reasons);
    }

    [Fact]
    public async Task Decomposed_accents_are_composed_and_the_letters_kept()
    {
        var context = Screen.Context("e\u0301cole, Montre\u0301al");

        await _step.RunAsync(context, CancellationToken.None);

        Assert.Equal("école, Montréal", context.Text);
        Assert.Empty(context.Reasons);
    }

    [Fact]
    public async Task Invisible_characters_are_removed_and_counted()
    {
        // Zero-width space, non-joiner and joiner between Latin letters, soft hyphen, BOM, word joiner, a control character.
        var context = Screen.Context("\uFEFFf\u200Bu\u200Cc\u200Dk\u00AD you\u2060\u0007");

        await _step.RunAsync(context, CancellationToken.None);

        Assert.Equal("fuck you", context.Text);
        var reason = Assert.Single(context.Reasons);
        Assert.Equal(("normalise.invisible", ReasonSeverity.Info, "7 invisible characters removed"), (reason.Code, reason.Severity, reason.Detail));
        Assert.Equal(ScreeningOutcome.Publish, context.Outcome);
    }

    [Fact]
    public async Task One_invisible_character_is_counted_in_the_singular()
    {
        var context = Screen.Context("hi\u200Bthere");

        await _step.RunAsync(context, CancellationToken.None);

        Assert.Equal("hithere", context.Text);
        Assert.Equal("1 invisible character removed", Assert.Single(context.Reasons).Detail);
    }

    [Theory]
    [InlineData("\u202E")] // right-to-left override
    [InlineData("\u202D")] // left-to-right override
    public async Task A_bidi_override_is_removed_and_holds_the_text(string control)
    {
        var context = Screen.Context($"Open invoice{control}fdp.exe please");

        await _step.RunAsync(context, CancellationToken.None);

        Assert.Equal("Open invoicefdp.exe please", context.Text);
        Assert.Contains(context.Reasons, r => r is { Code: "normalise.bidi", Severity: ReasonSeverity.Hold });
        Assert.Contains(context.Reasons, r => r is { Code: "normalise.invisible", Detail: "1 invisible character removed" });
        Assert.Equal(ScreeningOutcome.Hold, context.Outcome);
    }

    [Theory]
    [InlineData("\u202A")]
    [InlineData("\u202B")]
    [InlineData("\u202C")]
    [InlineData("\u2066")]
    [InlineData("\u2067")]
    [InlineData("\u2068")]
    [InlineData("\u2069")]
    [InlineData("\u200E")]
    [InlineData("\u200F")]
    [InlineData("\u061C")]
    public async Task Other_bidi_controls_are_removed_as_invisible_without_holding(string control)
    {
        var context = Screen.Context($"a{control}b");

        await _step.RunAsync(context, CancellationToken.None);

        Assert.Equal("ab", context.Text);
        Assert.Equal("normalise.invisible", Assert.Single(context.Reasons).Code);
    }

    [Theory]
    [InlineData("a\uFE0Fb", "ab")] // a variation selector after a letter hides data
    [InlineData("❤\uFE0F\uFE0F", "❤\uFE0F")] // a second selector in a row
    [InlineData("x\U000E0041\U000E0042y", "xy")] // tag characters outside a flag smuggle hidden text
    [InlineData("a\u3164b\u115Fc", "abc")] // Hangul fillers used as blank letters
    [InlineData("a\u034Fb", "ab")] // combining grapheme joiner
    public async Task Characters_that_only_hide_things_are_removed(string text, string expected)
    {
        var context = Screen.Context(text);

        await _step.RunAsync(context, CancellationToken.None);

        Assert.Equal(expected, context.Text);
        Assert.Equal("normalise.invisible", Assert.Single(context.Reasons).Code);
    }

    [Fact]
    public async Task A_lone_surrogate_becomes_a_replacement_character_and_is_recorded()
    {
        var context = Screen.Context("bad \uD800 and \uDC00 halves");

        await _step.RunAsync(context, CancellationToken.None);

        Assert.Equal("bad \uFFFD and \uFFFD halves", context.Text);
        var reason = Assert.Single(context.Reasons);
        Assert.Equal(("normalise.invalid", ReasonSeverity.Info, "2 broken characters replaced"), (reason.Code, reason.Severity, reason.Detail));
    }

    [Fact]
    public async Task An_empty_text_stays_empty()
    {
        var context = Screen.Context("");

        await _step.RunAsync(context, CancellationToken.None);

        Assert.Equal("", context.Text);
        Assert.Empty(context.Reasons);
    }
}
