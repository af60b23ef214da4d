using Engagement.Core.Common;

namespace Engagement.Core.ApiTokens;

/// <summary>Finds the active API token a presented secret stands for; anything else is UNAUTHENTICATED.</summary>
public sealed class AuthenticateApiToken(IApiTokenStore store, TimeProvider clock) : IUseCase
{
    public const string Field = "token";

    public async Task<Result<ApiToken>> ExecuteAsync(string? secret, CancellationToken ct = default)
    {
        // Malformed secrets never reach the store, so junk in an Authorization header costs nothing.
        if (!ApiTokenSecrets.LooksValid(secret))
            return Refused("This API token is not valid.");
        var token = await store.GetByHashAsync(ApiTokenSecrets.Hash(secret!), ct);
        if (token is null)
            return Refused("This API token is not valid.");
        // The caller holds the secret, so saying why it stopped working tells them nothing they could misuse.
        if (token.RevokedAt is not null)
            return Refused("This API token was revoked.");
        if (!token.IsActiveAt(clock.GetUtcNow()))
            return Refused("This API token has expired.");
        return token;
    }

    private static Result<ApiToken> Refused(string message) => Result<ApiToken>.Fail(Field, ErrorCodes.Unauthenticated, message);
}
