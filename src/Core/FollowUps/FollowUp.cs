namespace Engagement.Core.FollowUps;

/// <summary>What a contributor gave that they want to hear back about.</summary>
public enum ContributionKind
{
    /// <summary>A comment or reply on a consultation.</summary>
    Comment,

    SurveyResponse,

    /// <summary>A service rating (its comment is what becomes evidence).</summary>
    Rating,
}

/// <summary>
/// An address a contributor left, at submission, to be told what their feedback led to ("you said, we did"). Kept for
/// that purpose only: deleted once an item it backs closes, when its owner unsubscribes, or at <see cref="ExpiresAt"/>.
/// </summary>
public sealed record FollowUp
{
    public required string Id { get; init; }
    public required string OrganisationId { get; init; }
    public required ContributionKind Kind { get; init; }
    public required string ContributionId { get; init; }

    /// <summary>The address, normalised (<see cref="Email.EmailAddresses.Normalise"/>).</summary>
    public required string Address { get; init; }

    /// <summary>The contribution's language, in which the contributor is written to.</summary>
    public required string Language { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>Follow-up addresses, found by the contributions they belong to.</summary>
public interface IFollowUpStore
{
    /// <summary>
    /// Stores a follow-up; one already stored under its id stays as it was. Submissions store theirs with the
    /// contribution instead (the comment, rating and response stores take it); this is for copying records between stores.
    /// </summary>
    Task AddAsync(FollowUp followUp, CancellationToken ct = default);

    /// <summary>The organisation's unexpired follow-ups of these contributions (by id, any kind).</summary>
    Task<IReadOnlyList<FollowUp>> ListForContributionsAsync(string organisationId, IReadOnlyCollection<string> contributionIds, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Deletes every follow-up with this (normalised) address; returns how many.</summary>
    Task<int> DeleteByAddressAsync(string address, CancellationToken ct = default);

    /// <summary>Deletes up to <paramref name="max"/> follow-ups expired at <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, int max, CancellationToken ct = default);
}
