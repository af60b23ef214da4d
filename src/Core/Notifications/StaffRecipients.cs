using Engagement.Core.Email;
using Engagement.Core.Staff;

namespace Engagement.Core.Notifications;

/// <summary>
/// Who among an organisation's staff receives a kind of notice: those whose role there holds the permission it concerns,
/// less those who unsubscribed from its list.
/// </summary>
public sealed class StaffRecipients(IStaffStore staff, IEmailSuppressionStore suppressions)
{
    public async Task<IReadOnlyList<StaffMember>> ForAsync(string organisationId, Permission permission, MailingList list, CancellationToken ct)
    {
        var members = (await staff.ListByOrganisationAsync(organisationId, ct))
            .Where(m => m.Grants.Any(g => g.OrganisationId == organisationId && RolePermissions.Allows(g.Role, permission)))
            .ToList();
        if (members.Count == 0)
            return [];
        var suppressed = await suppressions.SuppressedAsync(list, [.. members.Select(m => EmailAddresses.Hash(m.Email))], ct);
        return [.. members.Where(m => !suppressed.Contains(EmailAddresses.Hash(m.Email)))];
    }

    /// <summary>A short, stable part of a message id naming the recipient (never the address itself).</summary>
    public static string IdPart(StaffMember member) => EmailAddresses.Hash(member.Id)[..12];
}
