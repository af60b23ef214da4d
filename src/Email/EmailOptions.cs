namespace Engagement.Email;

/// <summary>Where email goes: an SMTP server when <see cref="Host"/> is set, otherwise .eml files in <see cref="OutboxDirectory"/>.</summary>
public sealed record EmailOptions
{
    /// <summary>The SMTP server's host name; null or empty sends nothing and writes files instead (the embedded default).</summary>
    public string? Host { get; init; }

    public int Port { get; init; } = 25;

    public SmtpSecurity Security { get; init; } = SmtpSecurity.Auto;

    /// <summary>Signs in with these when set; a server that needs no sign-in (a local relay) leaves it null.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>The bare address messages come from; its domain also ends every Message-ID.</summary>
    public required string FromAddress { get; init; }

    public string? FromName { get; init; }

    /// <summary>How long one step of the SMTP conversation (connecting, each command) may take before the send counts as failed, transiently.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the embedded default writes its .eml files; created when missing, relative paths from the working directory.</summary>
    public string OutboxDirectory { get; init; } = Path.Combine("data", "outbox");

    internal bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);

    // The compiler's ToString would print the password into any log line that shows the options.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"Host = {Host}, Port = {Port}, Security = {Security}, Username = {Username}, Password = {(Password is null ? "" : "***")}, ");
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"FromAddress = {FromAddress}, FromName = {FromName}, Timeout = {Timeout}, OutboxDirectory = {OutboxDirectory}");
        return true;
    }
}
