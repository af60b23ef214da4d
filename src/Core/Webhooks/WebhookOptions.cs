namespace Engagement.Core.Webhooks;

/// <summary>How the platform calls receivers: which networks it may reach, and how failed deliveries are tried again.</summary>
public sealed record WebhookOptions
{
    /// <summary>Whether receivers on private, loopback and link-local addresses may be registered and called (plain http only to loopback).</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>The wait after the first failed try; it doubles after each further one, up to <see cref="MaxRetry"/>.</summary>
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Tries before a delivery that keeps failing is given up (marked failed).</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>The wait before try number <paramref name="attempts"/> + 1: FirstRetry, doubling, at most MaxRetry.</summary>
    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, FirstRetry.Ticks << Math.Min(30, Math.Max(0, attempts - 1))));
}
