namespace Engagement.Core.Staff;

/// <summary>A person who works in the platform: signs in with a local password or OpenID Connect, holds roles per organisation.</summary>
public sealed record StaffMember
{
    public required string Id { get; init; }

    /// <summary>Lower-case; unique across the platform.</summary>
    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>The password hash (see PasswordHasher); null for people who sign in only through OpenID Connect.</summary>
    public string? PasswordHash { get; init; }

    /// <summary>The subject ("sub") the OpenID Connect provider gives this person, once linked.</summary>
    public string? ExternalSubject { get; init; }

    public required IReadOnlyList<RoleGrant> Grants { get; init; }

    /// <summary>Consecutive failed password sign-ins; reset by a successful one.</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Password sign-in is refused until this instant after too many failures.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    public bool Disabled { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Incremented on every stored change; used for optimistic concurrency.</summary>
    public required int Version { get; init; }
}
