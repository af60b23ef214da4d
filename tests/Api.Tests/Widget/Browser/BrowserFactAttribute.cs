namespace Engagement.Api.Tests.Widget.Browser;

/// <summary>
/// A test that drives the system Chromium (Debian's <c>chromium</c> package, which scripts/install-test-deps.sh installs).
/// Without it the test is skipped, visibly, except under CI=true, where it runs and fails saying why: in CI the widget
/// must be proven in a real browser, not quietly passed over.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!Installed && !InCi)
            Skip = $"{ChromiumPath} is missing; ./scripts/test.sh installs Debian's chromium package (under CI=true this test fails instead).";
    }

    private static bool Installed => File.Exists(ChromiumPath);

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Chromium executable; fails the test with the reason when it is not installed.</summary>
    public static string Chromium() => Installed
        ? ChromiumPath
        : throw new Xunit.Sdk.XunitException($"{ChromiumPath} is missing, so the browser tests have no browser. Run ./scripts/test.sh, which installs Debian's chromium package, or apt-get install chromium.");
}
