using Engagement.Moderation.Screening.PersonalInformation;

namespace Engagement.Moderation.Tests.PersonalInformation;

/// <summary>The quick scan that picks where the address patterns run knows the same street types as the patterns.</summary>
public sealed class AddressStartsTests
{
    [Fact]
    public void Every_English_street_type_the_scan_knows_is_one_the_pattern_accepts_and_the_scan_finds()
    {
        foreach (var type in AddressStarts.EnglishTypes)
        {
            var text = $"12 Name {type}";
            Assert.True(Patterns.EnglishAddress().IsMatch(text), text);
            Assert.Equal([0], AddressStarts.EnglishOrder(text));
        }
        foreach (var road in new[] { "12 Highway 7", "12 Hwy 7", "12 County Road 5", "12 Regional Road 5", "12 Concession 5", "12 Sideroad 5" })
        {
            Assert.True(Patterns.EnglishAddress().IsMatch(road), road);
            Assert.Equal([0], AddressStarts.EnglishOrder(road));
        }
    }

    [Fact]
    public void Every_French_street_type_the_scan_knows_is_one_the_pattern_accepts_and_the_scan_finds()
    {
        foreach (var type in AddressStarts.FrenchTypes)
        {
            var text = $"12, {type} Nom";
            Assert.True(Patterns.FrenchAddress().IsMatch(text), text);
            Assert.Equal([0], AddressStarts.FrenchOrder(text));
        }
    }

    [Theory]
    [InlineData("$12 Main Street", new int[0])] // an amount
    [InlineData("1,234 Main Street", new int[0])] // inside a number
    [InlineData("A12 Main Street", new int[0])] // inside a word
    [InlineData("I waited 45 minutes on the way to 12 Elm St", new[] { 9, 34 })] // the pattern and validators decide
    [InlineData("apt 4, 56 Elm Ave", new[] { 7 })] // the unit number is not followed by a type; the civic number is
    [InlineData("12-345 King St W", new[] { 0 })]
    public void The_scan_offers_only_civic_numbers_followed_by_a_street_type(string text, int[] expected) =>
        Assert.Equal(expected, AddressStarts.EnglishOrder(text));
}
