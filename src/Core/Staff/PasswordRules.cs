using Engagement.Core.Common;

namespace Engagement.Core.Staff;

/// <summary>The rules a chosen staff password follows, and the passwords the platform generates.</summary>
public static class PasswordRules
{
    /// <summary>The shortest password accepted, in characters (text elements); length is what makes a password strong.</summary>
    public const int MinLength = 12;

    /// <summary>The longest password accepted; long enough for any passphrase or password manager.</summary>
    public const int MaxLength = 256;

    /// <summary>The length of a generated password: 18 random bytes (144 bits) in URL-safe base64.</summary>
    public const int GeneratedLength = 24;

    /// <summary>Checks a chosen password. No composition rules (digits, symbols): NIST advises length alone.</summary>
    public static void Validate(Validator v, string field, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            v.Add(field, ErrorCodes.Required, "A password is required.");
            return;
        }
        // A cheap bound first, as Validator does, so a huge input is refused without segmenting it.
        if (password.Length > MaxLength * 32)
        {
            v.Add(field, ErrorCodes.TooLong, $"A password has at most {MaxLength} characters.");
            return;
        }
        if (!Validator.IsWellFormed(password))
        {
            v.Add(field, ErrorCodes.InvalidFormat, "This password contains control characters or broken Unicode; remove them and try again.");
            return;
        }
        var length = Validator.TextLength(password);
        if (length < MinLength)
            v.Add(field, ErrorCodes.OutOfRange, $"A password needs at least {MinLength} characters; a few ordinary words make a strong one.");
        else if (length > MaxLength)
            v.Add(field, ErrorCodes.TooLong, $"A password has at most {MaxLength} characters.");
    }

    /// <summary>A fresh random password of <see cref="GeneratedLength"/> URL-safe characters.</summary>
    public static string Generate() => SecretTokens.UrlSafeRandom(GeneratedLength * 3 / 4);
}
