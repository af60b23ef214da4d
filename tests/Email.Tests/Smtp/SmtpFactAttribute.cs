using Engagement.Tests.Support;

namespace Engagement.Email.Tests.Smtp;

/// <summary>
/// A test that needs aiosmtpd under /usr/bin/python3 (a <see cref="PrivateSmtp"/>). Without it the test is skipped,
/// visibly, except under CI=true, where it runs and fails saying why: in CI the email tests must prove delivery, not
/// quietly pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SmtpFactAttribute() : NeedsFactAttribute(PrivateSmtp.WhyUnavailable, "scripts/install-test-deps.sh installs python3-aiosmtpd");
