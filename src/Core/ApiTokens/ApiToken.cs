using Engagement.Core.Staff;

namespace Engagement.Core.ApiTokens;

/// <summary>An integrator's credential: one organisation, one role; the secret is shown once and stored as a hash.</summary>
public sealed record ApiToken
{
    public required string Id { get; init; }
    public required string OrganisationId { get; init; }
    public required string Name { get; init; }
    public required Role Role { get; init; }

    /// <summary>Hex SHA-256 of the secret token.</summary>
    public required string TokenHash { get; init; }

    /// <summary>The first characters of the secret ("eng_ab12"), so people can tell their tokens apart.</summary>
    public required string Prefix { get; init; }

    /// <summary>The staff member who created it.</summary>
    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
