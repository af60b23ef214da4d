namespace Engagement.Core.Email;

/// <summary>What reading a signed token found.</summary>
public enum SignedTokenState
{
    Valid,

    /// <summary>Genuine, but past its expiry.</summary>
    Expired,

    /// <summary>Not made by this platform, altered, cut short, or for another purpose.</summary>
    Invalid,
}

/// <summary>A signed token read back: its state and, when valid, the payload it carries.</summary>
public sealed record SignedTokenRead(SignedTokenState State, string? Payload)
{
    public static readonly SignedTokenRead Invalid = new(SignedTokenState.Invalid, null);
    public static readonly SignedTokenRead Expired = new(SignedTokenState.Expired, null);
}

/// <summary>
/// Makes and reads tamper-proof, expiring tokens for links sent by email (unsubscribe), so a link works without signing
/// in and without a stored secret per link. The keys live outside the core (the host's data-protection keys).
/// </summary>
public interface ISignedTokens
{
    /// <summary>A URL-safe token carrying <paramref name="payload"/>, readable for <paramref name="purpose"/> only, until <paramref name="expiresAt"/>.</summary>
    string Sign(string purpose, string payload, DateTimeOffset expiresAt);

    /// <summary>The token's state at <paramref name="now"/>, and its payload when valid.</summary>
    SignedTokenRead Read(string purpose, string? token, DateTimeOffset now);
}
