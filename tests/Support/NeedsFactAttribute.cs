namespace Engagement.Tests.Support;

/// <summary>
/// A test that needs something a machine may lack (a program, a server, a privilege) that scripts/install-test-deps.sh
/// or scripts/test.sh provides. Without it the test is skipped, saying why, except under CI=true, where it runs and fails
/// with the reason: in CI such a test must prove its point, not quietly pass.
/// </summary>
public abstract class NeedsFactAttribute : FactAttribute
{
    /// <param name="missing">What is missing here, as the start of a sentence; null when nothing is.</param>
    /// <param name="remedy">What provides it.</param>
    protected NeedsFactAttribute(string? missing, string remedy)
    {
        if (missing is not null && !InCi)
            Skip = $"{missing} {remedy} (under CI=true this test fails instead).";
    }

    /// <summary>Whether the tests run as CI runs them (CI=true), where a missing need fails the test rather than skipping it.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
