using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Engagement.Core.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Engagement.Email.Links;

/// <summary>
/// Signed link tokens on ASP.NET Core data protection: authenticated encryption under the keys every node shares (Redis
/// when configured, else a directory beside the SQLite file), so a link works on any node and after a restart. The
/// expiry travels inside the protected bytes, so an expired token is told apart from a forged one.
/// </summary>
public sealed class DataProtectionSignedTokens(IDataProtectionProvider provider) : ISignedTokens
{
    // Far longer than any token made here; anything longer is refused before any cryptography runs.
    private const int MaxTokenLength = 2_048;

    public string Sign(string purpose, string payload, DateTimeOffset expiresAt)
    {
        var text = Encoding.UTF8.GetBytes(payload);
        var plain = new byte[8 + text.Length];
        BinaryPrimitives.WriteInt64BigEndian(plain, expiresAt.UtcTicks);
        text.CopyTo(plain, 8);
        return WebEncoders.Base64UrlEncode(Protector(purpose).Protect(plain));
    }

    public SignedTokenRead Read(string purpose, string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
            return SignedTokenRead.Invalid;
        byte[] plain;
        try
        {
            plain = Protector(purpose).Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return SignedTokenRead.Invalid;
        }
        if (plain.Length < 8)
            return SignedTokenRead.Invalid;
        var expires = BinaryPrimitives.ReadInt64BigEndian(plain);
        if (expires < now.UtcTicks)
            return SignedTokenRead.Expired;
        try
        {
            return new SignedTokenRead(SignedTokenState.Valid, new UTF8Encoding(false, true).GetString(plain, 8, plain.Length - 8));
        }
        catch (DecoderFallbackException)
        {
            return SignedTokenRead.Invalid;
        }
    }

    private IDataProtector Protector(string purpose) => provider.CreateProtector("Engagement.SignedTokens", purpose);
}
