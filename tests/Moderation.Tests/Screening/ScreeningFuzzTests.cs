using System.Text;
using Engagement.Core.Screening;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Moderation.Tests.Screening;

/// <summary>
/// Screening never throws on any string: random Unicode (lone surrogates included), very long input, deeply nested
/// markup and long runs of one character go through every registered step without a step failing.
/// </summary>
public sealed class ScreeningFuzzTests : IDisposable
{
    private readonly ServiceProvider _services = Screen.Services();
    private readonly ITextScreening _screening;

    public ScreeningFuzzTests()
    {
        _screening = _services.GetRequiredService<ITextScreening>();
    }

    public void Dispose() => _services.Dispose();

    public static TheoryData<string, string> Hostile() => new()
    {
        { "empty", "" },
        { "nested markup", string.Concat(Enumerable.Repeat("<b>", 10_000)) + "fuck" + string.Concat(Enumerable.Repeat("</b>", 10_000)) },
        { "nested mixed markup", string.Concat(Enumerable.Repeat("<div><i><a href=\"http://x.com\">", 3_000)) },
        { "one letter", new string('a', 100_000) },
        { "one mask", new string('*', 100_000) },
        { "one digit", new string('1', 100_000) },
        { "one space", new string(' ', 100_000) },
        { "one newline", new string('\n', 100_000) },
        { "one emoji", string.Concat(Enumerable.Repeat("😂", 50_000)) },
        { "zero-width spaces", new string('\u200B', 100_000) },
        { "bidi overrides", string.Concat(Enumerable.Repeat("\u202Eabc\u202D", 20_000)) },
        { "combining marks", "e" + new string('\u0301', 100_000) },
        { "zalgo", string.Concat(Enumerable.Repeat("z\u0336\u0322\u031Ba\u0334l\u0338g\u0335o\u0337", 10_000)) },
        { "lone high surrogates", new string('\uD800', 100_000) },
        { "lone low surrogates", new string('\uDC00', 100_000) },
        { "reversed pairs", string.Concat(Enumerable.Repeat("\uDC00\uD800", 50_000)) },
        { "spelled out", string.Concat(Enumerable.Repeat("f u c k ", 12_500)) },
        { "spelled with dots", string.Concat(Enumerable.Repeat("a.", 50_000)) },
        { "alternating masks", "f" + string.Concat(Enumerable.Repeat("*u", 50_000)) },
        { "stretched", "f" + new string('u', 100_000) + "ck" },
        { "leet", string.Concat(Enumerable.Repeat("5h1t@$$", 15_000)) },
        { "links", string.Concat(Enumerable.Repeat("https://bit.ly/x www.a.com b.ca ", 3_000)) },
        { "almost a link", string.Concat(Enumerable.Repeat("a.", 50_000)) + "com" },
        { "long domain label", "http://" + new string('a', 100_000) },
        { "at signs", new string('@', 50_000) + "example.com" },
        { "words", string.Concat(Enumerable.Repeat("buy ", 25_000)) },
        { "capitals", new string('A', 100_000) },
        { "noncharacters", "\uFFFE\uFFFF\uFDD0 \U0010FFFF \U000E0001" },
        { "tag smuggling", "hi" + string.Concat(Enumerable.Range(0x20, 0x5F).Select(c => char.ConvertFromUtf32(0xE0000 + c))) },
        { "variation selectors", "a" + string.Concat(Enumerable.Repeat("\uFE0F\U000E0100", 20_000)) },
        { "nul and controls", new string(Enumerable.Range(0, 32).Select(c => (char)c).ToArray()) + "\0\0\0\u007F\u0085\u009F" },
        { "expanding compatibility forms", string.Concat(Enumerable.Repeat("\uFDFA\u3300ﬃ", 10_000)) },
        { "math letters", string.Concat(Enumerable.Repeat("𝐟𝐮𝐜𝐤 ", 10_000)) },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_input_is_screened_without_any_step_failing(string name, string text)
    {
        var result = await _screening.ScreenAsync(new TextToScreen("fuzz", TextKind.Comment, text, "en", $"p-{name}"));

        AssertScreened(result);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Random_unicode_is_screened_without_any_step_failing(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var length = random.Next(0, 400);
            var text = RandomText(random, length);
            var result = await _screening.ScreenAsync(new TextToScreen($"fuzz-{seed}", (TextKind)(i % 3), text, i % 2 == 0 ? "en" : "fr", i % 4 == 0 ? null : $"p{i % 7}"));
            AssertScreened(result);
        }
    }

    [Fact]
    public async Task A_hundred_kilobytes_of_random_unicode_is_screened_without_any_step_failing()
    {
        var random = new Random(100);

        var result = await _screening.ScreenAsync(new TextToScreen("fuzz", TextKind.Comment, RandomText(random, 100_000), "fr", "p"));

        AssertScreened(result);
    }

    [Fact]
    public async Task Random_mixes_of_the_characters_the_steps_care_about_are_screened_without_any_step_failing()
    {
        // Letters, leet digits, masks, separators, invisibles, bidi, surrogates, link and markup pieces, in random order.
        string[] pieces =
        [
            "f", "u", "c", "k", "s", "h", "i", "t", "a", "é", "с", "ο", "1", "0", "3", "4", "5", "7", "@", "$", "!", "*", "#", "_",
            " ", ".", "-", "/", "|", "'", "\n", "\u200B", "\u200D", "\u202E", "\u2066", "\uFEFF", "\u00AD", "\uD800", "\uDC00",
            "😂", "👩", "\uFE0F", "\U000E0041", "http://", "www.", ".com", ".ly", "<b>", "</b>", "&amp;", "ß", "ﬃ", "𝐟", "Ⓐ", "🇫",
        ];
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var builder = new StringBuilder();
            var count = random.Next(0, 60);
            for (var k = 0; k < count; k++)
                builder.Append(pieces[random.Next(pieces.Length)]);
            var result = await _screening.ScreenAsync(new TextToScreen("mix", TextKind.Comment, builder.ToString(), "en", $"p{i % 50}"));
            AssertScreened(result);
        }
    }

    private static void AssertScreened(ScreeningResult result)
    {
        Assert.NotNull(result.Text);
        Assert.DoesNotContain(result.Reasons, r => r.Code == "screening.step_failed");
        Assert.True(Enum.IsDefined(result.Outcome));
    }

    /// <summary>Random UTF-16: code points from every plane, and on purpose lone surrogates and unpaired halves.</summary>
    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length + 2);
        while (builder.Length < length)
        {
            switch (random.Next(6))
            {
                case 0:
                    builder.Append((char)random.Next(0x20, 0x7F));
                    break;
                case 1:
                    builder.Append((char)random.Next(0xD800, 0xE000)); // a lone surrogate half
                    break;
                case 2:
                    var codePoint = random.Next(0x10000, 0x110000);
                    builder.Append(char.ConvertFromUtf32(codePoint));
                    break;
                default:
                    builder.Append((char)random.Next(0, 0x10000)); // anything in the BMP, surrogates and noncharacters included
                    break;
            }
        }
        return builder.ToString();
    }
}
