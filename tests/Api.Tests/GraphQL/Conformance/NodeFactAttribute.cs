using Engagement.Tests.Support;

namespace Engagement.Api.Tests.GraphQL.Conformance;

/// <summary>
/// A test that runs Node.js (node and npm on PATH; scripts/install-test-deps.sh installs them). Without them the test
/// is skipped, visibly, except under CI=true, where it runs and fails saying why: CI must prove conformance.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodeFactAttribute() : NeedsFactAttribute(
    Find("node") is null || Find("npm") is null ? "node or npm is not on PATH;" : null, "./scripts/test.sh installs them")
{
    /// <summary>The full path of a program on PATH; fails the test with the reason when it is missing.</summary>
    public static string Require(string program) => Find(program)
        ?? throw new Xunit.Sdk.XunitException($"{program} was not found on PATH. Install Node.js 20 or later (./scripts/install-test-deps.sh does).");

    private static string? Find(string program)
    {
        var names = OperatingSystem.IsWindows() ? new[] { program + ".cmd", program + ".exe" } : [program];
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory.Trim('"'), name);
                if (File.Exists(candidate))
                    return candidate;
            }
        return null;
    }
}
