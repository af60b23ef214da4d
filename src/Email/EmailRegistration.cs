using Engagement.Core.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Engagement.Email;

/// <summary>Registers the email templates and the <see cref="IEmailSender"/>: SMTP through MailKit when a host is configured, .eml files otherwise.</summary>
public static class EmailRegistration
{
    /// <summary>
    /// Checks the options and registers one sender. Invalid options throw <see cref="ArgumentException"/> naming the
    /// option, so the host stops at start-up rather than at the first email.
    /// </summary>
    public static IServiceCollection AddEngagementEmail(this IServiceCollection services, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        return services.AddEngagementEmail(_ => options);
    }

    /// <summary>
    /// As above, with the options read when the sender is first resolved: for a host that reads its settings at start
    /// (so tests can override them); invalid options then throw there.
    /// </summary>
    public static IServiceCollection AddEngagementEmail(this IServiceCollection services, Func<IServiceProvider, EmailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddLogging();
        services.AddSingleton<IEmailTemplates, Templates.EmailTemplateRenderer>();
        services.AddSingleton<IEmailSender>(sp =>
        {
            var resolved = options(sp);
            Validate(resolved);
            return resolved.UsesSmtp
                ? new SmtpEmailSender(resolved, sp.GetRequiredService<ILogger<SmtpEmailSender>>())
                : new EmlFileEmailSender(resolved, sp.GetRequiredService<ILogger<EmlFileEmailSender>>());
        });
        return services;
    }

    /// <summary>The check <see cref="AddEngagementEmail(IServiceCollection, EmailOptions)"/> makes, for a host that reads its settings itself.</summary>
    public static void Validate(EmailOptions options)
    {
        _ = FromMailbox(options);
        if (options.UsesSmtp)
        {
            if (options.Port is < 1 or > 65535)
                throw Invalid(nameof(EmailOptions.Port), "must be a port number from 1 to 65535.");
            if (options.Timeout <= TimeSpan.Zero || options.Timeout.TotalMilliseconds > int.MaxValue)
                throw Invalid(nameof(EmailOptions.Timeout), "must be positive and under 24 days.");
            if (!Enum.IsDefined(options.Security))
                throw Invalid(nameof(EmailOptions.Security), "must be Auto, None, StartTls or SslOnConnect.");
            if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrEmpty(options.Username))
                throw Invalid(nameof(EmailOptions.Username), "is required when a password is given.");
        }
        else if (string.IsNullOrWhiteSpace(options.OutboxDirectory))
        {
            throw Invalid(nameof(EmailOptions.OutboxDirectory), "is required when no SMTP host is configured.");
        }
    }

    internal static MailboxAddress FromMailbox(EmailOptions options)
    {
        var from = MimeMessages.ParseAddress(options.FromAddress)
            ?? throw Invalid(nameof(EmailOptions.FromAddress), "must be one email address such as no-reply@example.org.");
        return new MailboxAddress(options.FromName, from.Address);
    }

    private static ArgumentException Invalid(string option, string problem) =>
        new($"EmailOptions.{option} {problem}");
}
