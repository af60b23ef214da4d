using Engagement.Core.Common;
using Engagement.Core.Email;
using Engagement.Core.Moderation;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;

namespace Engagement.Core.Notifications;

/// <summary>
/// Tells an organisation's moderators how many items were newly held in the last complete period (periods are fixed
/// slices of time, so every node and every re-run names the same one), and how many wait in all. Nothing is sent for
/// a period without new items. The message ids name the organisation, period and moderator, so running it twice for a
/// period writes each message once.
/// </summary>
public sealed class SendModerationDigest(
    IOrganisationStore organisations, IModerationItemStore items, StaffRecipients recipients, EmailComposer composer, PublicLinks links,
    IOutboxStore outbox, TimeProvider clock) : IUseCase
{
    // More new items than this in one period are reported as "at least".
    private const int MaxCounted = 10_000;

    /// <summary>Returns how many digests were written to the outbox.</summary>
    public async Task<int> ExecuteAsync(string organisationId, TimeSpan period, CancellationToken ct = default)
    {
        if (period < TimeSpan.FromMinutes(1))
            throw new ArgumentOutOfRangeException(nameof(period), "A digest period is at least a minute.");
        var now = clock.GetUtcNow();
        var index = now.UtcTicks / period.Ticks;
        var end = new DateTimeOffset(index * period.Ticks, TimeSpan.Zero);
        var start = end - period;
        var created = await items.ListCreatedSinceAsync(organisationId, start, MaxCounted, ct);
        var fresh = created.Count(i => i.CreatedAt < end);
        if (fresh == 0)
            return 0;
        var to = await recipients.ForAsync(organisationId, Permission.Moderate, MailingList.ModerationDigest, ct);
        if (to.Count == 0 || await organisations.GetAsync(organisationId, ct) is not { } organisation)
            return 0;
        var waiting = await items.CountAsync(organisationId, ModerationItemStatus.Pending, ct);
        var template = new ModerationDigestEmail((organisation.Name.In("en") ?? "", organisation.Name.In("fr") ?? ""), fresh, waiting, start, end,
            links.To("/staff/moderation", ("organisationId", organisationId)));
        var emails = to.Select(m => composer.Compose($"digest.{organisationId}.{index}.{StaffRecipients.IdPart(m)}", m.Email, m.DisplayName, template,
            MailingList.ModerationDigest)).ToList();
        return await outbox.EnqueueAsync(emails, now, ct);
    }
}
