using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;

namespace Engagement.Core.ApiTokens;

/// <summary>Issues an API token for one organisation and role; the secret is returned once and only its hash is stored.</summary>
public sealed class CreateApiToken(IOrganisationStore organisations, IApiTokenStore store, IAuditLog audit, TimeProvider clock) : IUseCase
{
    /// <param name="ExpiresAt">When the token stops working; null for a token that works until revoked.</param>
    public sealed record Request(string OrganisationId, string Name, Role Role, DateTimeOffset? ExpiresAt);

    /// <param name="Secret">The bearer secret, to show the person once; it cannot be recovered later.</param>
    public sealed record Created(ApiToken Token, string Secret);

    public async Task<Result<Created>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var v = new Validator();
        v.RequiredText("name", request.Name, TextLimits.Name);
        v.Defined("role", request.Role);
        if (request.ExpiresAt is { } expires && expires <= now)
            v.Add("expiresAt", ErrorCodes.OutOfRange, "The expiry date has already passed; choose one in the future.");
        if (v.HasErrors)
            return Result<Created>.Fail(v.Errors);
        if (string.IsNullOrEmpty(request.OrganisationId) || await organisations.GetAsync(request.OrganisationId, ct) is null)
            return Result<Created>.Fail("organisationId", ErrorCodes.NotFound, "There is no such organisation.");

        var secret = ApiTokenSecrets.NewSecret();
        var token = new ApiToken
        {
            Id = Ids.New(),
            OrganisationId = request.OrganisationId,
            Name = request.Name,
            Role = request.Role,
            TokenHash = ApiTokenSecrets.Hash(secret),
            Prefix = secret[..ApiTokenSecrets.DisplayPrefixLength],
            CreatedBy = actor.Id,
            CreatedAt = now,
            ExpiresAt = request.ExpiresAt,
        };
        // 256 random bits make a collision practically impossible; a false here means a broken store.
        if (!await store.TryAddAsync(token, ct))
            throw new InvalidOperationException("A freshly generated API token collided with an existing one.");

        await audit.RecordAsync(clock, actor, token.OrganisationId, AuditActions.ApiTokenCreated, "api_token", token.Id, detail: token.Role.ToString(), ct: ct);
        return new Created(token, secret);
    }
}
