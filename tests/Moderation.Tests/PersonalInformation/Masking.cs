using Engagement.Moderation.Screening.PersonalInformation;

namespace Engagement.Moderation.Tests.PersonalInformation;

/// <summary>Runs the masking step on one string, for the per-kind tests.</summary>
internal static class Masking
{
    private static readonly MaskPersonalInformation Step = new();

    public static MaskedText Mask(string text) => Step.Mask(text);

    /// <summary>Asserts the exact masked text and that exactly the given kinds were recorded.</summary>
    public static void AssertMasked(string text, string expected, params string[] codes)
    {
        var masked = Step.Mask(text);
        Assert.Equal(expected, masked.Text);
        Assert.Equal(codes.Order(), masked.Reasons.Select(r => r.Code).Order());
    }

    /// <summary>Asserts the text comes back unchanged with no reason.</summary>
    public static void AssertUntouched(string text)
    {
        var masked = Step.Mask(text);
        Assert.Equal(text, masked.Text);
        Assert.Empty(masked.Reasons);
    }
}
