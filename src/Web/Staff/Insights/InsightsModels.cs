using Engagement.Core.Insights;
using Engagement.Web.Portal;

namespace Engagement.Web.Staff.Insights;

/// <summary>One choice of the dashboard's subject list: its value ("service:ID"), its name, and its kind for the group it sits in.</summary>
public sealed record InsightsSubjectOption(string Value, string Label, InsightsSubjectKind Kind);

/// <summary>The dashboard's filters as they were given (kept as typed when they come back with errors).</summary>
public sealed record InsightsFilters(string Subject, string From, string To, string Granularity);

/// <summary>
/// An organisation's insights dashboard: the filters form (its choices, values and errors by field, "subject", "from",
/// "to", "granularity", already in the page's language) and, when the filters are good, the report with k = 5 applied.
/// </summary>
public sealed record InsightsPageModel(PortalPage Page, string OrganisationName, string Action, IReadOnlyList<InsightsSubjectOption> Subjects, InsightsFilters Filters)
{
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public InsightsReport? Report { get; init; }

    /// <summary>The exports of the same filters, when there is a report.</summary>
    public string? CsvUrl { get; init; }

    public string? JsonUrl { get; init; }
}
