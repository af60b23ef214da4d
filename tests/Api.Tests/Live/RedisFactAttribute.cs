using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Live;

/// <summary>
/// A test that needs the Redis named by <c>ENGAGEMENT_TEST_REDIS</c> (scripts/test.sh starts a private one and sets it).
/// Without it the test is skipped, visibly, except under CI=true, where it runs and fails saying why: in CI the
/// multi-node tests must prove scale-out, not quietly pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute() : NeedsFactAttribute(
    Configured is null ? $"{Variable} is not set;" : null, "scripts/test.sh starts a private Redis and sets it")
{
    public const string Variable = "ENGAGEMENT_TEST_REDIS";

    private static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value.Trim() : null;

    /// <summary>The shared test Redis as host:port; fails the test with the reason when it is not configured.</summary>
    public static string Redis() => Configured
        ?? throw new Xunit.Sdk.XunitException($"{Variable} is not set, so the scale-out tests have no Redis. Run ./scripts/test.sh, which installs redis-server and starts a private one, or set {Variable}=host:port.");
}
