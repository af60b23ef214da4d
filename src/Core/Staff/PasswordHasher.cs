using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Engagement.Core.Staff;

/// <summary>
/// Hashes staff passwords with PBKDF2-HMAC-SHA512 (OWASP's 2023 work factor) into a self-describing string,
/// <c>pbkdf2-sha512$&lt;iterations&gt;$&lt;salt base64&gt;$&lt;hash base64&gt;</c>, so the work factor can rise
/// later without invalidating stored hashes (<see cref="NeedsRehash"/>).
/// </summary>
/// <remarks>
/// Passwords are NFKC-normalised before hashing, as NIST SP 800-63B advises, so "é" typed as one code point on one
/// keyboard and as "e" plus an accent on another is the same password.
/// </remarks>
public static class PasswordHasher
{
    public const string Algorithm = "pbkdf2-sha512";
    public const int Iterations = 210_000;
    public const int SaltBytes = 16;
    public const int KeyBytes = 32;

    // A stored hash naming more iterations than this is treated as malformed instead of pinning a CPU for minutes.
    private const int MaxIterations = 10_000_000;

    // Longer than any hash this class writes with sane parameters; anything longer is not parsed at all.
    private const int MaxHashLength = 512;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Hashes a password with a fresh random salt and the current work factor.</summary>
    /// <exception cref="ArgumentException">The password contains broken Unicode (use cases refuse it before).</exception>
    public static string Hash(string password) => Hash(password, Iterations);

    /// <summary>Hashes with another work factor: lets tests stand in for hashes written by an older release.</summary>
    internal static string Hash(string password, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaxIterations);
        if (!TryEncode(password, out var bytes))
            throw new ArgumentException("The password contains broken Unicode.", nameof(password));
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Rfc2898DeriveBytes.Pbkdf2(bytes, salt, iterations, HashAlgorithmName.SHA512, KeyBytes);
        return string.Join('$', Algorithm, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(key));
    }

    /// <summary>
    /// Whether the password matches the hash, compared in constant time. False, never an exception, for a null or
    /// malformed hash or a password that is not valid Unicode.
    /// </summary>
    public static bool Verify(string password, string? hash)
    {
        if (password is null || !TryParse(hash, out var parsed) || !TryEncode(password, out var bytes))
            return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(bytes, parsed.Salt, parsed.Iterations, HashAlgorithmName.SHA512, parsed.Key.Length);
        return CryptographicOperations.FixedTimeEquals(actual, parsed.Key);
    }

    /// <summary>True when the hash was not written with the current parameters (or cannot be read), so the next successful sign-in should replace it.</summary>
    public static bool NeedsRehash(string? hash) =>
        !TryParse(hash, out var parsed) || parsed.Iterations != Iterations || parsed.Salt.Length != SaltBytes || parsed.Key.Length != KeyBytes;

    private static bool TryParse(string? hash, out (int Iterations, byte[] Salt, byte[] Key) parsed)
    {
        parsed = default;
        if (hash is null || hash.Length > MaxHashLength)
            return false;
        var parts = hash.Split('$');
        if (parts.Length != 4 || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < 1 or > MaxIterations)
            return false;
        var salt = Decode(parts[2]);
        var key = Decode(parts[3]);
        // A tiny salt or key would make the comparison meaningless; refuse rather than accept almost anything.
        if (salt is not { Length: >= 8 } || key is not { Length: >= 16 and <= 64 })
            return false;
        parsed = (iterations, salt, key);
        return true;
    }

    private static byte[]? Decode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }

    private static bool TryEncode(string password, out byte[] bytes)
    {
        bytes = [];
        try
        {
            bytes = StrictUtf8.GetBytes(password.Normalize(NormalizationForm.FormKC));
            return true;
        }
        catch (ArgumentException)
        {
            // Lone surrogates: Normalize and the strict encoder both refuse them.
            return false;
        }
    }
}
