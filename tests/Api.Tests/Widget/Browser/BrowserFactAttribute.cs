using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Widget.Browser;

/// <summary>
/// A test that drives the system Chromium (Debian's <c>chromium</c> package, which scripts/install-test-deps.sh installs).
/// Without it the test is skipped, visibly, except under CI=true, where it runs and fails saying why: in CI the widget
/// must be proven in a real browser, not quietly passed over.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute() : NeedsFactAttribute(
    Installed ? null : $"{ChromiumPath} is missing;", "./scripts/test.sh installs Debian's chromium package")
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static bool Installed => File.Exists(ChromiumPath);

    /// <summary>The Chromium executable; fails the test with the reason when it is not installed.</summary>
    public static string Chromium() => Installed
        ? ChromiumPath
        : throw new Xunit.Sdk.XunitException($"{ChromiumPath} is missing, so the browser tests have no browser. Run ./scripts/test.sh, which installs Debian's chromium package, or apt-get install chromium.");
}
