namespace Engagement.Email.Tests.Smtp;

/// <summary>
/// A test that needs aiosmtpd under /usr/bin/python3 (a <see cref="PrivateSmtp"/>). Without it the test is skipped,
/// visibly, except under CI=true, where it runs and fails saying why: in CI the email tests must prove delivery, not
/// quietly pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SmtpFactAttribute : FactAttribute
{
    public SmtpFactAttribute()
    {
        if (PrivateSmtp.WhyUnavailable is { } reason && !InCi)
            Skip = $"{reason} scripts/install-test-deps.sh installs python3-aiosmtpd (under CI=true this test fails instead).";
    }

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
