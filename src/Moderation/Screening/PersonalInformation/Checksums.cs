namespace Engagement.Moderation.Screening.PersonalInformation;

/// <summary>
/// The check digits and number ranges that tell a real identifier from any run of digits. Each takes the digits (and
/// letters, for IBANs) with separators already removed.
/// </summary>
internal static class Checksums
{
    /// <summary>The mod-10 check of payment cards, social insurance numbers and Ontario health numbers.</summary>
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty)
            return false;
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9)
                return false;
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                    d -= 9;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /// <summary>
    /// A social insurance number an individual can hold: Luhn-valid, and not starting with 0 (never issued; used in
    /// examples) or 8 (business numbers).
    /// </summary>
    public static bool IsSin(ReadOnlySpan<char> digits) => digits.Length == 9 && digits[0] is not ('0' or '8') && Luhn(digits);

    /// <summary>A US social security number in the ranges the SSA issues: area not 000, 666 or 9xx; group not 00; serial not 0000.</summary>
    public static bool IsSsn(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 9)
            return false;
        var area = digits[..3];
        return area is not "000" and not "666" && area[0] != '9' && digits[3..5] is not "00" && digits[5..] is not "0000";
    }

    /// <summary>A British Columbia personal health number: ten digits starting with 9, mod-11 check digit last.</summary>
    public static bool IsBcHealthNumber(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10 || digits[0] != '9')
            return false;
        ReadOnlySpan<int> weights = [2, 4, 8, 5, 10, 9, 7, 3];
        var sum = 0;
        for (var i = 0; i < 8; i++)
            sum += (digits[i + 1] - '0') * weights[i] % 11;
        var check = 11 - sum % 11;
        return check < 10 && check == digits[9] - '0';
    }

    /// <summary>An Ontario health number: ten digits, the last a Luhn check digit.</summary>
    public static bool IsOntarioHealthNumber(ReadOnlySpan<char> digits) => digits.Length == 10 && Luhn(digits);

    /// <summary>
    /// The date inside a Quebec health-insurance number (four letters, then YYMMDD with 50 added to the month for
    /// women, then two digits): a real month and day.
    /// </summary>
    public static bool IsRamqDate(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 8)
            return false;
        var month = (digits[2] - '0') * 10 + (digits[3] - '0');
        var day = (digits[4] - '0') * 10 + (digits[5] - '0');
        return (month is >= 1 and <= 12 or >= 51 and <= 62) && day is >= 1 and <= 31;
    }

    /// <summary>An IBAN's mod-97 check (the first four characters moved to the end, letters as 10–35, remainder 1).</summary>
    public static bool IsIban(ReadOnlySpan<char> compact)
    {
        if (compact.Length is < 15 or > 34)
            return false;
        var remainder = 0;
        for (var i = 0; i < compact.Length; i++)
        {
            var c = char.ToUpperInvariant(compact[(i + 4) % compact.Length]);
            if (c is >= '0' and <= '9')
                remainder = (remainder * 10 + (c - '0')) % 97;
            else if (c is >= 'A' and <= 'Z')
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else
                return false;
        }
        return remainder == 1;
    }

    /// <summary>
    /// A payment card number: 13–19 digits, Luhn-valid, with the prefix and length of a network that issues cards
    /// (Visa, Mastercard, American Express, Discover, JCB, Diners Club, UnionPay, Maestro, Mir).
    /// </summary>
    public static bool IsPaymentCard(ReadOnlySpan<char> digits)
    {
        var n = digits.Length;
        if (n is < 13 or > 19 || !Luhn(digits))
            return false;
        var p2 = Prefix(digits, 2);
        var p3 = Prefix(digits, 3);
        var p4 = Prefix(digits, 4);
        if (digits[0] == '4')
            return n is 13 or 16 or 19;
        if (p2 is >= 51 and <= 55 || p4 is >= 2221 and <= 2720)
            return n == 16;
        if (p2 is 34 or 37)
            return n == 15;
        if (p4 == 6011 || p3 is >= 644 and <= 649 || p2 is 65 or 62)
            return n >= 16;
        if (p4 is >= 3528 and <= 3589)
            return n >= 16;
        if (p3 is >= 300 and <= 305 || p2 is 36 or 38 or 39)
            return n >= 14;
        if (p4 is 5018 or 5020 or 5038 or 5893 or 6304 or 6759 or 6761 or 6762 or 6763)
            return true;
        return p4 is >= 2200 and <= 2204 && n >= 16;
    }

    private static int Prefix(ReadOnlySpan<char> digits, int length)
    {
        var value = 0;
        for (var i = 0; i < length; i++)
            value = value * 10 + (digits[i] - '0');
        return value;
    }
}
