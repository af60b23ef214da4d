using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.ApiTokens;

/// <summary>Revokes an API token at once; revoking a revoked token changes nothing and succeeds.</summary>
public sealed class RevokeApiToken(IApiTokenStore store, IAuditLog audit, TimeProvider clock) : IUseCase
{
    public sealed record Request(string TokenId);

    public async Task<Result<ApiToken>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var current = string.IsNullOrEmpty(request.TokenId) ? null : await store.GetAsync(request.TokenId, ct);
        if (current is null)
            return Result<ApiToken>.Fail("tokenId", ErrorCodes.NotFound, "There is no such API token.");
        if (current.RevokedAt is not null)
            return current;

        var now = clock.GetUtcNow();
        var revoked = await store.RevokeAsync(current.Id, now, ct);
        if (revoked is null)
            return Result<ApiToken>.Fail("tokenId", ErrorCodes.NotFound, "There is no such API token.");
        // A concurrent revocation may have won; the store then kept its time, and that one is audited instead.
        if (revoked.RevokedAt == now)
            await audit.RecordAsync(clock, actor, revoked.OrganisationId, AuditActions.ApiTokenRevoked, "api_token", revoked.Id, ct: ct);
        return revoked;
    }
}
