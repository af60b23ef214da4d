using Engagement.Api.Settings;
using Microsoft.Extensions.Configuration;

namespace Engagement.Api.Tests.Settings;

/// <summary>Every setting's parsing; that the host stops on these errors is shown in HostProcessTests.</summary>
public sealed class EngagementSettingsTests
{
    [Theory]
    [InlineData("Storage:Provider", "Oracle")]
    [InlineData("Storage:Provider", "Mongo")]
    [InlineData("Storage:Provider", "")]
    [InlineData("Languages", "english")]
    [InlineData("Languages", " , ")]
    [InlineData("Languages", "en,FR")]
    [InlineData("Seed:DemoData", "maybe")]
    [InlineData("Storage:Sqlite:Path", "bad\0path")]
    [InlineData("Live:MaxUpdatesPerSecond", "0")]
    [InlineData("Live:MaxUpdatesPerSecond", "101")]
    [InlineData("Live:MaxUpdatesPerSecond", "fast")]
    public void Load_names_the_setting_when_a_value_is_invalid(string setting, string value)
    {
        var error = Assert.Throws<SettingsException>(() => EngagementSettings.Load(Config((setting, value))));

        Assert.Equal(setting, error.Setting);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_refuses_a_sqlite_path_that_is_a_directory()
    {
        var error = Assert.Throws<SettingsException>(() => EngagementSettings.Load(Config(("Storage:Sqlite:Path", Path.GetTempPath()))));

        Assert.Equal("Storage:Sqlite:Path", error.Setting);
    }

    [Fact]
    public void Load_defaults_to_sqlite_under_data_english_and_french_and_seeding()
    {
        var settings = EngagementSettings.Load(Config());

        Assert.Equal(StorageProviderKind.Sqlite, settings.StorageProvider);
        Assert.Equal(Path.GetFullPath(Path.Combine("data", "engagement.db")), settings.SqlitePath);
        Assert.Equal(["en", "fr"], settings.Languages);
        Assert.True(settings.SeedDemoData);
        Assert.Equal(4, settings.Live.MaxUpdatesPerSecond);
    }

    [Fact]
    public void Load_reads_every_setting_when_given()
    {
        var settings = EngagementSettings.Load(Config(
            ("Storage:Provider", " SQLITE "), ("Storage:Sqlite:Path", "/tmp/x/e.db"), ("Languages", "fr, en ,iu"), ("Seed:DemoData", "False"), ("Live:MaxUpdatesPerSecond", "10")));

        Assert.Equal(StorageProviderKind.Sqlite, settings.StorageProvider);
        Assert.Equal("/tmp/x/e.db", settings.SqlitePath);
        Assert.Equal(["fr", "en", "iu"], settings.Languages);
        Assert.Equal("fr", settings.Languages.DefaultLanguage);
        Assert.False(settings.SeedDemoData);
        Assert.Equal(TimeSpan.FromMilliseconds(100), settings.Live.MinInterval);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
