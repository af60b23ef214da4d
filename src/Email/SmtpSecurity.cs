namespace Engagement.Email;

/// <summary>How the SMTP connection is secured; the host reads it from a setting, so it names MailKit's choices without exposing MailKit.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS from the first byte on port 465, STARTTLS when the server offers it on any other port.</summary>
    Auto,

    /// <summary>Plain text throughout: only for a relay on the same machine or a test server.</summary>
    None,

    /// <summary>STARTTLS, required: the connection fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,
}
