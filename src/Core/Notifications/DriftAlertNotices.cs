using Engagement.Core.Email;
using Engagement.Core.Insights;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;

namespace Engagement.Core.Notifications;

/// <summary>The emails telling an organisation's analysts of a drift alert; stored with the alert, so each is written once.</summary>
public sealed class DriftAlertNotices(IOrganisationStore organisations, StaffRecipients recipients, EmailComposer composer, PublicLinks links)
{
    public async Task<IReadOnlyList<EmailMessage>> ForAsync(DriftAlert alert, (string En, string Fr) subjectName, CancellationToken ct)
    {
        var to = await recipients.ForAsync(alert.OrganisationId, Permission.ManageBacklog, MailingList.DriftAlerts, ct);
        if (to.Count == 0 || await organisations.GetAsync(alert.OrganisationId, ct) is not { } organisation)
            return [];
        var template = new DriftAlertEmail((organisation.Name.In("en") ?? "", organisation.Name.In("fr") ?? ""), alert, subjectName,
            links.To("/staff/insights", ("organisationId", alert.OrganisationId)));
        return [.. to.Select(m => composer.Compose($"drift.{alert.Id}.{StaffRecipients.IdPart(m)}", m.Email, m.DisplayName, template, MailingList.DriftAlerts))];
    }
}
