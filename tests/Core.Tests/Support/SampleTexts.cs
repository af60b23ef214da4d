namespace Engagement.Core.Tests.Support;

/// <summary>Texts people really write, in the scripts and forms a store must keep byte for byte.</summary>
public static class SampleTexts
{
    public static readonly TheoryData<string> Unicode = new()
    {
        "Très bien, merci ! Où est l'école ? Ça coûte 5 €.",
        "Great service 👍🏽 — the family 👨‍👩‍👧‍👦 loved it 🇨🇦",
        "市役所の対応はとても良かったです。",
        "الخدمة كانت ممتازة، شكراً لكم",
        "שירות מצוין, תודה",
        "Cafe\u0301 with a combining accent, and n\u0303 too",
        "Ḱ̷̡a̴ ŋ ŉ ǅ — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛",
        "Line one\nLine two\r\n\tindented",
        "\u202Bright-to-left embedding\u202C and a zero\u200Dwidth joiner",
    };

    // Declared before Malformed: static fields initialise in textual order.
    private static readonly Dictionary<string, string> MalformedTexts = new()
    {
        ["null byte"] = "null\u0000byte",
        ["bell"] = "bell\u0007",
        ["terminal escape"] = "escape \u001B[31m red",
        ["delete"] = "delete\u007F",
        ["C1 next line"] = "c1 control \u0085",
        ["lone high surrogate"] = "lone high \uD83D surrogate",
        ["lone low surrogate"] = "lone low \uDC4D surrogate",
        ["trailing high surrogate"] = "ends with a high surrogate \uD83D",
        ["reversed surrogate pair"] = "reversed pair \uDC4D\uD83D",
    };

    /// <summary>
    /// Characters no person types: controls (other than tab and line breaks) and unpaired surrogates. Theories get
    /// the name and look the text up with <see cref="MalformedText"/>, because xunit would serialise a lone
    /// surrogate into U+FFFD on its way to the test.
    /// </summary>
    public static readonly TheoryData<string> Malformed = new(MalformedTexts.Keys);

    public static string MalformedText(string name) => MalformedTexts[name];
}
