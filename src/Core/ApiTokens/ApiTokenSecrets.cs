using Engagement.Core.Common;

namespace Engagement.Core.ApiTokens;

/// <summary>The shape of API token secrets: "eng_" and 43 URL-safe characters (256 random bits); stored only as a hash.</summary>
public static class ApiTokenSecrets
{
    /// <summary>Marks the secret as this platform's, so secret scanners and people can recognise a leaked one.</summary>
    public const string SecretPrefix = "eng_";

    public const int SecretLength = 4 + SecretTokens.TokenLength;

    /// <summary>How many leading characters of the secret are kept in <see cref="ApiToken.Prefix"/>.</summary>
    public const int DisplayPrefixLength = 8;

    public static string NewSecret() => SecretPrefix + SecretTokens.NewToken();

    public static string Hash(string secret) => SecretTokens.Hash(secret);

    /// <summary>Whether a text has the shape of a secret <see cref="NewSecret"/> makes; anything else is refused before any look-up.</summary>
    public static bool LooksValid(string? secret) =>
        secret is { Length: SecretLength } && secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
        && SecretTokens.LooksLikeToken(secret.AsSpan(SecretPrefix.Length));
}
