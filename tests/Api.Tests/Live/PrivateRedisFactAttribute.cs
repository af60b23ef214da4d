using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Live;

/// <summary>
/// A test that starts its own redis-server (a <see cref="PrivateRedis"/>, to stop and start it again), so it needs the
/// program on the PATH rather than the shared test Redis. Without it the test is skipped, visibly, except under CI=true,
/// where it runs and fails saying why: in CI the outage drills must prove recovery, not quietly pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PrivateRedisFactAttribute() : NeedsFactAttribute(PrivateRedis.WhyUnavailable, "scripts/install-test-deps.sh installs it");
