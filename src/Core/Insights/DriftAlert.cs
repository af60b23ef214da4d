namespace Engagement.Core.Insights;

/// <summary>What a drift alert watches.</summary>
public enum DriftSubject
{
    Service,
    Consultation,

    /// <summary>One of the organisation's themes, counted over its most recent texts.</summary>
    Theme,
}

/// <summary>Which figure moved.</summary>
public enum DriftMetric
{
    /// <summary>The share of labelled texts read as negative.</summary>
    NegativeShare,

    /// <summary>How many ratings (a service), comments and replies (a consultation) or texts (a theme) arrived per day.</summary>
    Volume,
}

/// <summary>
/// A figure of a service or consultation that moved, over the last <see cref="DriftDetection.RecentDays"/> days, beyond
/// what its previous <see cref="DriftDetection.BaselineDays"/> days make likely: the observed and baseline values, and the
/// test statistic (a z-score; positive when the figure rose). One alert per subject, metric and day.
/// </summary>
public sealed record DriftAlert
{
    public required string Id { get; init; }
    public required string OrganisationId { get; init; }
    public required DriftSubject Subject { get; init; }
    public required string SubjectId { get; init; }
    public required DriftMetric Metric { get; init; }

    /// <summary>The last day of the recent window (UTC).</summary>
    public required DateOnly Day { get; init; }

    /// <summary>The recent window's value: a share from 0 to 1, or a mean per day.</summary>
    public required double Observed { get; init; }

    /// <summary>The baseline window's value, in the same unit.</summary>
    public required double Baseline { get; init; }

    public required double Z { get; init; }

    /// <summary>How many texts (or records) the recent window holds, so a reader can judge the evidence.</summary>
    public required long RecentCount { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }
}

/// <summary>Drift alerts, one per subject, metric and day.</summary>
public interface IDriftAlertStore
{
    /// <summary>
    /// Stores the alert, with the emails that tell staff of it (into the outbox, in the same commit), unless one exists
    /// for the same subject, metric and day; returns whether it was stored. A refused alert writes no email.
    /// </summary>
    Task<bool> TryAddAsync(DriftAlert alert, IReadOnlyList<Email.EmailMessage> notices, CancellationToken ct = default);

    Task<DriftAlert?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The organisation's alerts, newest day first (then most extreme), at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<DriftAlert>> ListAsync(string organisationId, int max, CancellationToken ct = default);
}
