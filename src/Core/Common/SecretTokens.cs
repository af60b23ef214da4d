using System.Security.Cryptography;
using System.Text;

namespace Engagement.Core.Common;

/// <summary>Makes random bearer secrets and the hashes under which they are stored (participant tokens, API tokens).</summary>
public static class SecretTokens
{
    /// <summary>The length of <see cref="NewToken"/>: 32 bytes in unpadded URL-safe base64.</summary>
    public const int TokenLength = 43;

    /// <summary>A fresh secret: 32 random bytes, URL-safe base64 without padding (43 characters).</summary>
    public static string NewToken() => UrlSafeRandom(32);

    /// <summary><paramref name="bytes"/> random bytes as unpadded URL-safe base64.</summary>
    public static string UrlSafeRandom(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The stored form of a secret: hex SHA-256. The secrets carry 256 random bits, so a fast hash is enough (no
    /// salt or stretching needed) and a stolen database yields no usable secret.
    /// </summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether a text is <see cref="TokenLength"/> URL-safe base64 characters, the shape <see cref="NewToken"/> makes.</summary>
    public static bool LooksLikeToken(ReadOnlySpan<char> text)
    {
        if (text.Length != TokenLength)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
                return false;
        }
        return true;
    }
}
