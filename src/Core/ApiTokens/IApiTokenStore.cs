namespace Engagement.Core.ApiTokens;

/// <summary>Stores API tokens. Every adapter honours the rules stated on each method.</summary>
public interface IApiTokenStore
{
    /// <summary>Adds a token durably. Returns false, and changes nothing, when the id or the hash is taken.</summary>
    Task<bool> TryAddAsync(ApiToken token, CancellationToken ct = default);

    /// <summary>The token with this id, or null.</summary>
    Task<ApiToken?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The token whose secret hashes to this value (revoked or not), or null.</summary>
    Task<ApiToken?> GetByHashAsync(string tokenHash, CancellationToken ct = default);

    /// <summary>The organisation's tokens, revoked ones included, newest first (creation time, then id descending).</summary>
    Task<IReadOnlyList<ApiToken>> ListByOrganisationAsync(string organisationId, CancellationToken ct = default);

    /// <summary>
    /// Marks a token revoked at <paramref name="at"/>. Returns the token as stored afterwards, or null when the id is
    /// unknown. Revoking a revoked token keeps its first revocation time.
    /// </summary>
    Task<ApiToken?> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default);
}
