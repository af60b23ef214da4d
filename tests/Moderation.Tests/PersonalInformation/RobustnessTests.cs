using System.Diagnostics;
using System.Text;
using Engagement.Core.Screening;
using Engagement.Moderation.Screening.PersonalInformation;

namespace Engagement.Moderation.Tests.PersonalInformation;

/// <summary>
/// The step never throws and always finishes: random Unicode (lone surrogates, every plane), 100 KB inputs, deeply
/// nested markup, long runs of digits and separators. Whatever it returns is consistent: a placeholder per counted
/// item, and no reason when nothing changed.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly MaskPersonalInformation Step = new();

    public static TheoryData<string, string> HostileInputs => new()
    {
        { "100 KB of realistic comments", Repeat("Call 613-555-0123 or jane@example.com; I live at 45 Elm Ave, K1A 0B1. In 2024 it cost $1,234.56 (12%). ", 100_000) },
        { "100 KB of one digit", new string('7', 100_000) },
        { "100 KB of spaced digits", Repeat("1 ", 100_000) },
        { "100 KB of dashed digits", Repeat("12-", 100_000) },
        { "100 KB of dotted digits", Repeat("1.", 100_000) },
        { "100 KB of at-signs", Repeat("a@", 100_000) },
        { "100 KB of written-out at", Repeat("a at b dot ", 100_000) },
        { "100 KB of colons", Repeat("a1:", 100_000) },
        { "100 KB of double colons", Repeat("1::", 100_000) },
        { "100 KB of hex", Repeat("abcdef0123456789", 100_000) },
        { "100 KB of street-like words", Repeat("12 Main Main Main Main Street ", 100_000) },
        { "100 KB of French street-like words", Repeat("12 rue de la de la de la ", 100_000) },
        { "100 KB of letters and digits", Repeat("A1B2C3D4E5 ", 100_000) },
        { "100 KB of keywords and numbers", Repeat("account SIN passport OHIP permis de conduire phone 123456789 ", 100_000) },
        { "nested markup", Repeat("<div><span>", 50_000) + "613-555-0123" + Repeat("</span></div>", 60_000) },
        { "nested brackets", new string('(', 30_000) + "jane@example.com" + new string(')', 30_000) },
        { "lone surrogates and controls", "\uD800 613-555-0123 \uDC00\u0000\u0007\uFFFF\uFEFF\u200B K1A\u200B0B1" },
        { "digits of other scripts", "٦١٣-٥٥٥-٠١٢٣ and ６１３-５５５-０１２３ and ६१३-५५५-०१२३" },
        { "only whitespace", new string(' ', 10_000) + "\t\n\r" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_inputs_never_throw_and_finish_in_time(string name, string text)
    {
        var watch = Stopwatch.StartNew();

        var masked = Step.Mask(text);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{name}: {watch.Elapsed}");
        AssertConsistent(text, masked);
    }

    [Fact]
    public void Ten_thousand_random_unicode_strings_never_throw_and_stay_consistent()
    {
        var random = new Random(20240512);
        for (var i = 0; i < 10_000; i++)
        {
            var text = RandomText(random, random.Next(0, 400));
            var masked = Step.Mask(text);
            AssertConsistent(text, masked);
        }
    }

    [Fact]
    public void Random_mixes_of_real_items_and_noise_are_masked_without_throwing()
    {
        string[] pieces =
        [
            "jane@example.com", "613-555-0123", "K1A 0B1", "046 454 286", "4111 1111 1111 1111", "SW1A 1AA", "2001:db8::1",
            "45 rue Sainte-Catherine", "PO Box 12", "$1,234.56", "2024-05-12", "route 95", "(", ")", "@", ".", "-", " ", "\u00A0",
            "at", "dot", "SIN", "passport", "é", "\uD83D\uDE00", "<b>", "</b>", "12", "345", "6789",
        ];
        var random = new Random(42);
        for (var i = 0; i < 5_000; i++)
        {
            var builder = new StringBuilder();
            for (var j = random.Next(1, 40); j > 0; j--)
                builder.Append(pieces[random.Next(pieces.Length)]);
            var text = builder.ToString();
            AssertConsistent(text, Step.Mask(text));
        }
    }

    [Fact]
    public async Task Running_as_a_step_on_a_hostile_text_never_throws()
    {
        var context = new ScreeningContext(new TextToScreen("org", TextKind.Comment, Repeat("1 ", 100_000), "fr", null), ScreeningTerms.None, DateTimeOffset.UnixEpoch);

        await new MaskPersonalInformation().RunAsync(context, CancellationToken.None);

        Assert.DoesNotContain(context.Reasons, r => r.Severity == ReasonSeverity.Reject);
    }

    private static void AssertConsistent(string text, MaskedText masked)
    {
        Assert.NotNull(masked.Text);
        var counted = masked.Reasons.Where(r => r.Code != MaskPersonalInformation.TimeoutCode).ToList();
        if (counted.Count == 0)
        {
            Assert.Equal(text, masked.Text);
            return;
        }
        foreach (var kind in PersonalInformationKinds.All)
        {
            var reason = counted.SingleOrDefault(r => r.Code == kind.Code());
            var count = reason is null ? 0 : int.Parse(reason.Detail.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            var inText = CountOf(masked.Text, kind.Placeholder()) - CountOf(text, kind.Placeholder());
            Assert.Equal(count, inText);
        }
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    private static string Repeat(string piece, int length)
    {
        var builder = new StringBuilder(length + piece.Length);
        while (builder.Length < length)
            builder.Append(piece);
        return builder.ToString();
    }

    /// <summary>Any UTF-16 code units, biased towards digits, separators and Latin letters so the patterns have work to do.</summary>
    private static string RandomText(Random random, int length)
    {
        const string Likely = "0123456789 -.()@:/+#,$%ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéÉèôç\u00A0\u202F\n";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = random.Next(3) == 0 ? (char)random.Next(0, 0x10000) : Likely[random.Next(Likely.Length)];
        return new string(chars);
    }
}
