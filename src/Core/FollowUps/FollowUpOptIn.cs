using Engagement.Core.Common;
using Engagement.Core.Email;

namespace Engagement.Core.FollowUps;

/// <summary>How long an address left for follow-up is kept when no improvement uses it.</summary>
public sealed record FollowUpOptions
{
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(365);
}

/// <summary>
/// A contributor's wish, given with their contribution, to hear what it led to. The one way submissions take an address:
/// checked with the rest of the input, then made into a <see cref="FollowUp"/> the contribution's store writes in the
/// contribution's own commit (so the two are kept or refused together).
/// </summary>
public sealed class FollowUpOptIn(IEmailSuppressionStore suppressions, FollowUpOptions options, TimeProvider clock)
{
    public const string Field = "followUpEmail";

    /// <summary>Checks the optional address with the submission's other fields.</summary>
    public static void Validate(Validator v, string? address)
    {
        if (!string.IsNullOrWhiteSpace(address))
            v.Email(Field, address.Trim());
    }

    /// <summary>
    /// The follow-up to store with the contribution; null when no address was given or the address unsubscribed from
    /// follow-ups (anyone can type an address, so an opt-in never lifts an unsubscribe).
    /// </summary>
    public async Task<FollowUp?> ForAsync(string organisationId, ContributionKind kind, string contributionId, string? address, string language, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(address))
            return null;
        var normal = EmailAddresses.Normalise(address);
        if ((await suppressions.SuppressedAsync(MailingList.FollowUps, [EmailAddresses.Hash(normal)], ct)).Count > 0)
            return null;
        var now = clock.GetUtcNow();
        return new FollowUp
        {
            Id = Ids.New(),
            OrganisationId = organisationId,
            Kind = kind,
            ContributionId = contributionId,
            Address = normal,
            Language = language,
            CreatedAt = now,
            ExpiresAt = now + options.Retention,
        };
    }
}
