using Engagement.Moderation.Screening.PersonalInformation;

namespace Engagement.Moderation.Tests.PersonalInformation;

/// <summary>A masked text splits at every placeholder masking writes, and nowhere else.</summary>
public sealed class MaskedPartsTests
{
    [Fact]
    public void A_masked_text_splits_at_its_placeholders_and_keeps_every_character()
    {
        var text = "Write to [email] or call [phone]; [not a placeholder] [driver's licence]";

        var parts = MaskedParts.Split(text);

        Assert.Equal(text, string.Concat(parts.Select(p => p.Text)));
        Assert.Equal(["[email]", "[phone]", "[driver's licence]"], parts.Where(p => p.Masked).Select(p => p.Text));
        Assert.Contains(("; [not a placeholder] ", false), parts);
    }

    [Fact]
    public void What_masking_writes_is_found_again_by_the_split()
    {
        var masked = Masking.Mask("Reach me at jane.doe@example.org or 613-555-0199.").Text;

        Assert.Equal(2, MaskedParts.Split(masked).Count(p => p.Masked));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[")]
    [InlineData("no placeholders at all")]
    [InlineData("[email")]
    public void Texts_without_a_whole_placeholder_come_back_unmasked(string text) =>
        Assert.All(MaskedParts.Split(text), p => Assert.False(p.Masked));
}
