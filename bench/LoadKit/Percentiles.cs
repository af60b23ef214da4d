using System.Globalization;

namespace Engagement.LoadKit;

/// <summary>Nearest-rank percentiles of a sample (milliseconds in the tools).</summary>
public sealed record Percentiles(int N, double P50, double P90, double P99, double Max)
{
    public static Percentiles? Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(sorted.Length, At(0.50), At(0.90), At(0.99), sorted[^1]);
    }

    public override string ToString() => ToString(0);

    public string ToString(int decimals)
    {
        var f = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        string V(double v) => v.ToString(f, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"p50 {V(P50)} / p90 {V(P90)} / p99 {V(P99)} / max {V(Max)} ms (n={N})");
    }
}
