using System.Text.RegularExpressions;
using Engagement.Core.Screening;
using Engagement.Moderation.Screening.PersonalInformation;
using Microsoft.Extensions.DependencyInjection;
using static Engagement.Moderation.Tests.PersonalInformation.Masking;

namespace Engagement.Moderation.Tests.PersonalInformation;

/// <summary>
/// The masking step as the pipeline sees it: order 200, rewrites the text in place, one Info reason per kind with a
/// count and never the value, and a Hold when a pattern runs out of time.
/// </summary>
public sealed class MaskPersonalInformationTests
{
    /// <summary>One item of every kind, each as a citizen would write it (with the word that names it where one is needed).</summary>
    private static readonly (string Written, string Value, string Masked)[] EveryKind =
    [
        ("jane.doe@gmail.com", "jane.doe@gmail.com", "[email]"),
        ("(613) 555-0123", "(613) 555-0123", "[phone]"),
        ("K1A 0B1", "K1A 0B1", "[postal code]"),
        ("SIN 046 454 286", "046 454 286", "SIN [SIN]"),
        ("123-45-6789", "123-45-6789", "[SSN]"),
        ("4111 1111 1111 1111", "4111 1111 1111 1111", "[card number]"),
        ("passport AB123456", "AB123456", "passport [passport]"),
        ("4875-749-113-AB", "4875-749-113-AB", "[health card]"),
        ("A1234-56789-01234", "A1234-56789-01234", "[driver's licence]"),
        ("12345-003-1234567", "12345-003-1234567", "[bank account]"),
        ("203.0.113.42", "203.0.113.42", "[IP address]"),
        ("PO Box 1234", "PO Box 1234", "[PO box]"),
        ("123 Main Street", "123 Main Street", "[address]"),
    ];

    [Fact]
    public void It_runs_after_normalising_and_before_the_term_lists() => Assert.Equal(200, new MaskPersonalInformation().Order);

    [Fact]
    public async Task It_rewrites_the_context_text_and_records_one_info_reason_per_kind_with_a_count()
    {
        var context = Context("Call 613-555-0123 or 613-555-0147, or write to a@b.ca.");

        await new MaskPersonalInformation().RunAsync(context, CancellationToken.None);

        Assert.Equal("Call [phone] or [phone], or write to [email].", context.Text);
        Assert.Equal(
            [new ScreeningReason("pii.email", ReasonSeverity.Info, "1 email address masked"), new ScreeningReason("pii.phone", ReasonSeverity.Info, "2 phone numbers masked")],
            context.Reasons);
        Assert.Equal(ScreeningOutcome.Publish, context.Outcome);
    }

    [Fact]
    public void Every_kind_in_one_text_gets_its_placeholder_and_its_reason_and_the_punctuation_around_stays()
    {
        var text = "Items: " + string.Join("; ", EveryKind.Select(k => $"«{k.Written}»")) + ".";

        var masked = Mask(text);

        Assert.Equal("Items: " + string.Join("; ", EveryKind.Select(k => $"«{k.Masked}»")) + ".", masked.Text);
        Assert.Equal(PersonalInformationKinds.All.Select(k => k.Code()), masked.Reasons.Select(r => r.Code));
        Assert.All(masked.Reasons, r => Assert.Equal(ReasonSeverity.Info, r.Severity));
        Assert.All(masked.Reasons, r => Assert.Matches("^1 [a-zA-Z' -]+ masked$", r.Detail));
    }

    [Fact]
    public void Neither_the_text_nor_any_reason_keeps_the_original_value()
    {
        var masked = Mask(string.Join(" and ", EveryKind.Select(k => k.Written)));

        Assert.Equal(EveryKind.Length, masked.Reasons.Count);
        foreach (var (_, value, _) in EveryKind)
        {
            Assert.DoesNotContain(value, masked.Text, StringComparison.Ordinal);
            Assert.All(masked.Reasons, r => Assert.DoesNotContain(value, r.Detail, StringComparison.Ordinal));
            var digits = new string(value.Where(char.IsDigit).ToArray());
            if (digits.Length > 1)
                Assert.All(masked.Reasons, r => Assert.DoesNotContain(digits, r.Detail, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_text_without_personal_information_comes_back_as_the_same_string_with_no_reason()
    {
        var text = "The 12 bus was 45 minutes late in 2024; fares are $3.85 (up 10%).";

        var masked = Mask(text);

        Assert.Same(text, masked.Text);
        Assert.Empty(masked.Reasons);
        Assert.Equal("", Mask("").Text);
    }

    [Fact]
    public void Several_items_of_several_kinds_are_counted_per_kind()
    {
        var masked = Mask("a@b.ca, c@d.ca, e@f.ca; 613-555-0123; K1A 0B1 and H2X 1Y4");

        Assert.Equal("[email], [email], [email]; [phone]; [postal code] and [postal code]", masked.Text);
        Assert.Equal(["3 email addresses masked", "1 phone number masked", "2 postal codes masked"], masked.Reasons.Select(r => r.Detail));
    }

    [Fact]
    public void A_pattern_that_runs_out_of_time_leaves_its_kind_unmasked_holds_the_text_and_the_other_kinds_are_still_masked()
    {
        // x matches first and is withdrawn when the same detector later times out: a kind is masked whole or not at all.
        var slow = new Regex("x|(a+)+b", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(1));
        var step = new MaskPersonalInformation(
        [
            new PersonalInformationDetector(PersonalInformationKind.Phone, slow, (_, m) => new Found(m.Index, m.Length), minDigits: 0),
            .. PersonalInformationDetectors.All.Where(d => d.Kind == PersonalInformationKind.Email),
        ]);
        var text = "x jane@example.com " + new string('a', 40);

        var masked = step.Mask(text);

        Assert.Equal("x [email] " + new string('a', 40), masked.Text);
        Assert.Equal(["pii.email", MaskPersonalInformation.TimeoutCode], masked.Reasons.Select(r => r.Code));
        var hold = masked.Reasons[1];
        Assert.Equal(ReasonSeverity.Hold, hold.Severity);
        Assert.Contains("phone numbers", hold.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registered_with_moderation_the_pipeline_stores_the_masked_text()
    {
        await using var services = new ServiceCollection().AddEngagementModeration().BuildServiceProvider();
        Assert.Contains(services.GetServices<IScreeningStep>(), s => s is MaskPersonalInformation);

        var result = await services.GetRequiredService<ITextScreening>().ScreenAsync(
            new TextToScreen("org", TextKind.Comment, "Please call me at 613-555-0123 about the pothole.", "en", "p1"));

        Assert.Equal("Please call me at [phone] about the pothole.", result.Text);
        Assert.Contains(result.Reasons, r => r.Code == "pii.phone" && r.Severity == ReasonSeverity.Info);
    }

    private static ScreeningContext Context(string text) =>
        new(new TextToScreen("org", TextKind.Comment, text, "en", null), ScreeningTerms.None, DateTimeOffset.UnixEpoch);
}
