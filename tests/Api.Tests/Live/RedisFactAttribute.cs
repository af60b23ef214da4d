namespace Engagement.Api.Tests.Live;

/// <summary>
/// A test that needs the Redis named by <c>ENGAGEMENT_TEST_REDIS</c> (scripts/test.sh starts a private one and sets it).
/// Without it the test is skipped, visibly, except under CI=true, where it runs and fails saying why: in CI the
/// multi-node tests must prove scale-out, not quietly pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Variable = "ENGAGEMENT_TEST_REDIS";

    public RedisFactAttribute()
    {
        if (Configured is null && !InCi)
            Skip = $"{Variable} is not set; scripts/test.sh starts a private Redis and sets it (under CI=true this test fails instead).";
    }

    private static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value.Trim() : null;

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The shared test Redis as host:port; fails the test with the reason when it is not configured.</summary>
    public static string Redis() => Configured
        ?? throw new Xunit.Sdk.XunitException($"{Variable} is not set, so the scale-out tests have no Redis. Run ./scripts/test.sh, which installs redis-server and starts a private one, or set {Variable}=host:port.");
}
