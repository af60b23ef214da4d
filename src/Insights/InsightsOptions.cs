namespace Engagement.Insights;

/// <summary>How insights' background work runs; the host fills it from its settings (Insights:*).</summary>
public sealed record InsightsOptions
{
    /// <summary>Whether the background tagger reads the sentiment of texts made public.</summary>
    public bool TaggingEnabled { get; init; } = true;

    /// <summary>Texts read from the feed and scored in one pass.</summary>
    public int TaggingBatchSize { get; init; } = 64;

    /// <summary>
    /// The most of one core the tagger takes while it has a backlog: after each full batch it rests long enough to stay
    /// under this share, so a flood of submissions keeps the processor and the tagger catches up afterwards.
    /// </summary>
    public double TaggingMaxCpuShare { get; init; } = 0.15;

    /// <summary>How long the tagger waits before looking again when the feed is read to its end.</summary>
    public TimeSpan TaggingPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often each organisation's themes are learnt again (skipped while its texts are unchanged).</summary>
    public TimeSpan ThemesRefreshInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often every service and open consultation is checked for drift.</summary>
    public TimeSpan DriftCheckInterval { get; init; } = TimeSpan.FromHours(1);
}
