using System.Buffers;
using System.Globalization;
using System.Text;
using Engagement.Core.Screening;

namespace Engagement.Moderation.Screening;

/// <summary>
/// The first step: the stored text in Unicode NFC, without the invisible characters that hide words from matching or
/// change how a text displays (zero-width spaces and joiners, soft hyphens, byte-order marks, bidirectional controls,
/// control characters, invisible fillers). Letters, accents and emoji stay as written; look-alike folding happens only
/// for matching (<see cref="TextFolding"/>). Records "normalise.invisible" (Info) with the count removed,
/// "normalise.invalid" (Info) for broken UTF-16 replaced by U+FFFD, and "normalise.bidi" (Hold) when bidirectional
/// override controls were present: they make a text display differently from how it reads.
/// </summary>
internal sealed class NormaliseText : IScreeningStep
{
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';
    private const int WavingBlackFlag = 0x1F3F4; // starts a subdivision flag written with tag characters (🏴󠁧󠁢󠁳󠁣󠁴󠁿)

    public int Order => 100;

    public ValueTask RunAsync(ScreeningContext context, CancellationToken ct)
    {
        var result = Normalise(context.Text);
        context.Text = result.Text;
        if (result.Invisible > 0)
            context.Add("normalise.invisible", ReasonSeverity.Info, $"{Count(result.Invisible, "invisible character")} removed");
        if (result.Invalid > 0)
            context.Add("normalise.invalid", ReasonSeverity.Info, $"{Count(result.Invalid, "broken character")} replaced");
        if (result.Overrides > 0)
            context.Add("normalise.bidi", ReasonSeverity.Hold, $"{Count(result.Overrides, "bidirectional override control")}: the text may display differently from how it reads");
        return ValueTask.CompletedTask;
    }

    /// <summary>The normalised text and what was removed or replaced on the way.</summary>
    internal readonly record struct Normalised(string Text, int Invisible, int Invalid, int Overrides);

    internal static Normalised Normalise(string text)
    {
        if (IsPlainAscii(text))
            return new Normalised(text, 0, 0, 0);

        StringBuilder? output = null; // created at the first character that goes, with everything before it
        int invisible = 0, invalid = 0, overrides = 0;
        var previous = default(Rune?); // the last rune kept
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (Rune.DecodeFromUtf16(span[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                output ??= new StringBuilder(text.Length).Append(span[..i]);
                output.Append('\uFFFD'); // a lone surrogate
                previous = Rune.ReplacementChar;
                invalid++;
                i += Math.Max(1, consumed);
                continue;
            }
            if (IsBidiOverride(rune.Value))
                overrides++;
            if (Keeps(rune, previous, span[(i + consumed)..]))
            {
                output?.Append(span.Slice(i, consumed));
                previous = rune;
            }
            else
            {
                output ??= new StringBuilder(text.Length).Append(span[..i]);
                invisible++;
            }
            i += consumed;
        }

        var cleaned = output?.ToString() ?? text;
        try
        {
            if (!cleaned.IsNormalized(NormalizationForm.FormC))
                cleaned = cleaned.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Cannot happen once lone surrogates are replaced; the text stays as cleaned rather than the step failing.
        }
        return new Normalised(cleaned, invisible, invalid, overrides);
    }

    private static bool IsPlainAscii(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x7F || (c < ' ' && c is not ('\t' or '\n' or '\r')))
                return false;
        }
        return true;
    }

    private static Rune? FirstRune(ReadOnlySpan<char> rest) =>
        Rune.DecodeFromUtf16(rest, out var rune, out _) == OperationStatus.Done ? rune : null;

    /// <summary>Whether a character stays in the stored text.</summary>
    private static bool Keeps(Rune rune, Rune? previous, ReadOnlySpan<char> rest)
    {
        var value = rune.Value;
        switch (value)
        {
            case '\t' or '\n' or '\r':
                return true;
            case ZeroWidthJoiner:
                // Joins emoji into one (👩‍⚕️) and shapes Arabic and Indic letters; between Latin letters it only hides a word.
                return (IsEmojiPart(previous) && IsEmoji(FirstRune(rest))) || (IsJoiningScriptLetter(previous) && IsJoiningScriptLetter(FirstRune(rest)));
            case ZeroWidthNonJoiner:
                return IsJoiningScriptLetter(previous) && IsJoiningScriptLetter(FirstRune(rest));
            case >= 0xE0020 and <= 0xE007F:
                // Tag characters spell subdivision flags after 🏴; anywhere else they smuggle hidden text.
                return previous is { } p && (p.Value == WavingBlackFlag || p.Value is >= 0xE0020 and <= 0xE007F);
            case >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF:
                // Variation selectors choose how an emoji, a keycap or an ideograph displays; after a letter, or in a run, they hide data.
                return previous is { } selected && !IsVariationSelector(selected.Value) && IsVariationBase(selected);
            case 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x17B4 or 0x17B5:
                return false; // combining grapheme joiner, Hangul and Khmer fillers: blank "letters"
        }
        return Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Format or UnicodeCategory.Control);
    }

    private static bool IsBidiOverride(int value) => value is 0x202D or 0x202E;

    private static bool IsVariationSelector(int value) => value is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF;

    private static bool IsVariationBase(Rune rune) =>
        rune.Value is >= '0' and <= '9' or '#' or '*'
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol
            or UnicodeCategory.OtherPunctuation or UnicodeCategory.OtherLetter;

    private static bool IsEmoji(Rune? rune) => rune is { } r && Rune.GetUnicodeCategory(r) == UnicodeCategory.OtherSymbol;

    // What may precede a joiner inside an emoji sequence: the emoji, its skin-tone modifier or its presentation selector.
    private static bool IsEmojiPart(Rune? rune) =>
        rune is { } r && (r.Value == 0xFE0F || Rune.GetUnicodeCategory(r) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol);

    // Letters of the scripts written with joiners (Hebrew onwards: Arabic, Persian, Indic…), never Latin, Greek or Cyrillic.
    private static bool IsJoiningScriptLetter(Rune? rune) =>
        rune is { } r && r.Value >= 0x0590 && Rune.GetUnicodeCategory(r) is UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.NonSpacingMark;

    private static string Count(int count, string what) => count == 1 ? $"1 {what}" : $"{count} {what}s";
}
