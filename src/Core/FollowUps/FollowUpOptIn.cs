using Engagement.Core.Common;
using Engagement.Core.Email;

namespace Engagement.Core.FollowUps;

/// <summary>How long an address left for follow-up is kept when no improvement uses it.</summary>
public sealed record FollowUpOptions
{
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(365);
}

/// <summary>
/// Records a contributor's wish, given with their contribution, to hear what it led to. The one way submissions take an
/// address: checked with the rest of the input, stored before the contribution (so an acknowledged contribution never
/// lacks its opt-in; a crash in between leaves an address for nothing, removed at expiry).
/// </summary>
public sealed class FollowUpOptIn(IFollowUpStore store, IEmailSuppressionStore suppressions, FollowUpOptions options, TimeProvider clock)
{
    public const string Field = "followUpEmail";

    /// <summary>Checks the optional address with the submission's other fields.</summary>
    public static void Validate(Validator v, string? address)
    {
        if (!string.IsNullOrWhiteSpace(address))
            v.Email(Field, address.Trim());
    }

    /// <summary>
    /// Keeps the address for the contribution, returning the follow-up's id; nothing (null) when none was given or the
    /// address unsubscribed from follow-ups.
    /// </summary>
    public async Task<string?> RecordAsync(string organisationId, ContributionKind kind, string contributionId, string? address, string language, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(address))
            return null;
        var normal = EmailAddresses.Normalise(address);
        // Someone who unsubscribed stays unsubscribed: anyone can type an address, so an opt-in never lifts that.
        if ((await suppressions.SuppressedAsync(MailingList.FollowUps, [EmailAddresses.Hash(normal)], ct)).Count > 0)
            return null;
        var now = clock.GetUtcNow();
        var id = Ids.New();
        await store.AddAsync(new FollowUp
        {
            Id = id,
            OrganisationId = organisationId,
            Kind = kind,
            ContributionId = contributionId,
            Address = normal,
            Language = language,
            CreatedAt = now,
            ExpiresAt = now + options.Retention,
        }, ct);
        return id;
    }

    /// <summary>Deletes a follow-up recorded for a contribution that was then refused.</summary>
    public Task DiscardAsync(string? id, CancellationToken ct) => id is null ? Task.CompletedTask : store.DeleteAsync(id, ct);
}
