using Engagement.Core.Email;
using Engagement.Core.Insights;

namespace Engagement.Core.Notifications;

/// <summary>
/// The moderators' digest: how many items were newly held in a period and how many wait in all. Staff notices are
/// written in English and French together, as staff choose no language.
/// </summary>
public sealed record ModerationDigestEmail((string En, string Fr) OrganisationName, int NewItems, int Waiting, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd,
    string QueueUrl) : EmailTemplate("en");

/// <summary>An analyst's notice of a drift alert: what moved, by how much, and where to look.</summary>
/// <param name="SubjectName">The service's or consultation's name, or the theme's terms, in English and French.</param>
public sealed record DriftAlertEmail((string En, string Fr) OrganisationName, DriftAlert Alert, (string En, string Fr) SubjectName, string InsightsUrl) : EmailTemplate("en");
