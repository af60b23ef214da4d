using Engagement.Core.Common;

namespace Engagement.Core.Participants;

/// <summary>Makes anonymous participant tokens and the hashes under which they are stored.</summary>
public static class ParticipantTokens
{
    /// <summary>A fresh token: 32 random bytes, URL-safe base64 (43 characters).</summary>
    public static string NewToken() => SecretTokens.NewToken();

    /// <summary>The stored form of a token: hex SHA-256. A stolen database then yields no usable token.</summary>
    public static string Hash(string token) => SecretTokens.Hash(token);

    /// <summary>Whether a text has the shape of a token this class made; anything else is refused before any lookup.</summary>
    public static bool LooksValid(string? token) => token is not null && SecretTokens.LooksLikeToken(token);
}
