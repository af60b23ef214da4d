using Engagement.Core.Email;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Email.Tests;

/// <summary>The one entry point the host calls: which sender it registers, and which options it refuses at start-up.</summary>
public sealed class EmailRegistrationTests
{
    private static IEmailSender Resolve(EmailOptions options)
    {
        using var services = new ServiceCollection().AddEngagementEmail(options).BuildServiceProvider();
        return services.GetRequiredService<IEmailSender>();
    }

    [Fact]
    public void AddEngagementEmail_with_a_host_registers_the_SMTP_sender() =>
        Assert.IsType<SmtpEmailSender>(Resolve(Messages.Smtp(2525)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AddEngagementEmail_without_a_host_registers_the_file_sender(string? host) =>
        Assert.IsType<EmlFileEmailSender>(Resolve(Messages.Smtp(2525) with { Host = host }));

    [Fact]
    public void AddEngagementEmail_makes_the_file_senders_directory_absolute_for_its_log_line()
    {
        var sender = Assert.IsType<EmlFileEmailSender>(Resolve(Messages.Files(Path.Combine("data", "outbox"))));

        Assert.Equal(Path.GetFullPath(Path.Combine("data", "outbox")), sender.Directory);
    }

    [Theory]
    [InlineData("FromAddress", "")]
    [InlineData("FromAddress", "Engagement <no-reply@example.org>")]
    [InlineData("FromAddress", "no-reply")]
    [InlineData("Port", "0")]
    [InlineData("Port", "65536")]
    [InlineData("Timeout", "0")]
    [InlineData("Username", "")]
    public void AddEngagementEmail_with_an_invalid_option_throws_naming_it(string option, string value)
    {
        var options = option switch
        {
            "FromAddress" => Messages.Smtp(25) with { FromAddress = value },
            "Port" => Messages.Smtp(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
            "Timeout" => Messages.Smtp(25, TimeSpan.Zero),
            _ => Messages.Smtp(25) with { Username = value, Password = "secret" },
        };

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddEngagementEmail(options));

        Assert.StartsWith($"EmailOptions.{option} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailOptions_printed_never_shows_the_password()
    {
        var printed = (Messages.Smtp(587) with { Username = "relay", Password = "s3cret-passw0rd" }).ToString();

        Assert.DoesNotContain("s3cret-passw0rd", printed, StringComparison.Ordinal);
        Assert.Contains("Username = relay", printed, StringComparison.Ordinal);
    }
}
