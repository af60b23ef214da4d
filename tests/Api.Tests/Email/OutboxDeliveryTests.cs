using Engagement.Api.Settings;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Common;
using Engagement.Core.Email;
using Microsoft.Extensions.Configuration;
using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Email;

/// <summary>
/// With no SMTP server configured, the running host delivers the outbox as .eml files beside its store, each once; bad
/// Smtp settings stop the start with a message naming them.
/// </summary>
public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task An_outbox_message_is_written_as_one_eml_file_in_the_data_folder_and_marked_sent()
    {
        using var app = SharedHost.NewApp();
        app.CreateClient();
        var message = new EmailMessage(Ids.New(), "resident@example.org", "Résidente", "Vous avez dit, nous avons fait",
            "Nous avons ouvert un deuxième comptoir.", "<p>Nous avons ouvert un deuxième comptoir.</p>", "fr", "https://engagement.example.org/u/abc", DateTimeOffset.UtcNow);

        await app.Get<IOutboxStore>().EnqueueAsync([message], DateTimeOffset.UtcNow);

        await Eventually.ReadAsync(() => app.Get<IOutboxStore>().GetAsync(message.Id), entry => entry?.Status == OutboxStatus.Sent,
            "the outbox has sent the message", entry => $"{entry?.Status} after {entry?.Attempts} tries ({entry?.LastError})");
        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "outbox"), $"*{message.Id}.eml"));
        Assert.Contains("deuxi", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Smtp:Security", "Quantum", "Smtp:Security")]
    [InlineData("Smtp:From", "not an address", "Smtp")]
    [InlineData("Smtp:Port", "70000", "Smtp:Port")]
    public void Bad_smtp_settings_are_refused_naming_the_setting(string key, string value, string named)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value, ["Smtp:Host"] = "smtp.example.org" }).Build();

        var error = Assert.Throws<SettingsException>(() => EngagementSettings.Load(config));

        Assert.Equal(named, error.Setting);
    }
}
