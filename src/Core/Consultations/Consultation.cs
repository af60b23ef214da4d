using Engagement.Core.Common;

namespace Engagement.Core.Consultations;

/// <summary>A public consultation: texts per language, a lifecycle, dates and who may take part.</summary>
public sealed record Consultation
{
    public required string Id { get; init; }
    public required string OrganisationId { get; init; }
    public required string Slug { get; init; }
    public required LocalizedText Title { get; init; }
    public required LocalizedText Summary { get; init; }
    public required LocalizedText Body { get; init; }
    public required ConsultationStatus Status { get; init; }
    public required IdentityPolicy IdentityPolicy { get; init; }

    /// <summary>When contributions open; null means as soon as the consultation is opened.</summary>
    public DateTimeOffset? OpensAt { get; init; }

    /// <summary>When contributions close; null means when staff close it.</summary>
    public DateTimeOffset? ClosesAt { get; init; }

    /// <summary>What was decided, per language; set when the outcome is published.</summary>
    public LocalizedText Outcome { get; init; } = LocalizedText.Empty;

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Incremented on every stored change; used for optimistic concurrency.</summary>
    public required int Version { get; init; }

    /// <summary>Whether citizens may comment and react at <paramref name="now"/>.</summary>
    public bool AcceptsContributionsAt(DateTimeOffset now) =>
        Status == ConsultationStatus.Open
        && (OpensAt is null || OpensAt <= now)
        && (ClosesAt is null || now < ClosesAt);
}

/// <summary>The lifecycle of a consultation: draft → open → closed → outcome published.</summary>
public enum ConsultationStatus
{
    Draft,
    Open,
    Closed,
    OutcomePublished,
}

/// <summary>Who may contribute: anyone with an anonymous participant token, or only people with a verified email.</summary>
public enum IdentityPolicy
{
    AnonymousAllowed,
    VerifiedEmailRequired,
}
