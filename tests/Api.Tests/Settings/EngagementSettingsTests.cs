using Engagement.Api.Settings;
using Microsoft.Extensions.Configuration;

namespace Engagement.Api.Tests.Settings;

/// <summary>Every setting's parsing; that the host stops on these errors is shown in HostProcessTests.</summary>
public sealed class EngagementSettingsTests
{
    [Theory]
    [InlineData("Storage:Provider", "Oracle")]
    [InlineData("Storage:Provider", "")]
    [InlineData("Languages", "english")]
    [InlineData("Languages", " , ")]
    [InlineData("Languages", "en,FR")]
    [InlineData("Seed:DemoData", "maybe")]
    [InlineData("Storage:Sqlite:Path", "bad\0path")]
    [InlineData("Live:MaxUpdatesPerSecond", "0")]
    [InlineData("Live:MaxUpdatesPerSecond", "101")]
    [InlineData("Live:MaxUpdatesPerSecond", "fast")]
    [InlineData("Moderation:ReportThreshold", "0")]
    [InlineData("Moderation:ReportThreshold", "1001")]
    [InlineData("Moderation:ReportThreshold", "three")]
    [InlineData("ConnectionStrings:Redis", "localhost:6379,colour=blue")]
    [InlineData("ConnectionStrings:Redis", "localhost:notaport")]
    [InlineData("ConnectionStrings:Redis", "abortConnect=false")]
    [InlineData("ConnectionStrings:Redis", "localhost,connectTimeout=soon")]
    [InlineData("ConnectionStrings:Redis", ",,,")]
    public void Load_names_the_setting_when_a_value_is_invalid(string setting, string value)
    {
        var error = Assert.Throws<SettingsException>(() => EngagementSettings.Load(Config((setting, value))));

        Assert.Equal(setting, error.Setting);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("localhost:27017")]
    [InlineData("mongodb://")]
    [InlineData("mongodb://app:s3cret@db:notaport/engagement")]
    [InlineData("mongodb://app:s3cret@db:27017/engagement?journal=perhaps")]
    public void Load_refuses_mongo_without_a_valid_connection_string_and_never_echoes_it(string? connectionString)
    {
        var error = Assert.Throws<SettingsException>(() => EngagementSettings.Load(Config(("Storage:Provider", "Mongo"), ("ConnectionStrings:Mongo", connectionString!))));

        Assert.Equal("ConnectionStrings:Mongo", error.Setting);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        if (connectionString is { Length: > 12 })
            Assert.DoesNotContain(connectionString, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_selects_mongo_with_its_connection_string()
    {
        const string url = "mongodb://app:secret@db1:27017,db2:27017/engagement?replicaSet=rs0";

        var settings = EngagementSettings.Load(Config(("Storage:Provider", " mongo "), ("ConnectionStrings:Mongo", url)));

        Assert.Equal(StorageProviderKind.Mongo, settings.StorageProvider);
        Assert.Equal(url, settings.MongoConnectionString);
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
        Assert.Equal(3, settings.Moderation.ReportThreshold);
    }

    [Fact]
    public void Load_reads_every_setting_when_given()
    {
        var settings = EngagementSettings.Load(Config(
            ("Storage:Provider", " SQLITE "), ("Storage:Sqlite:Path", "/tmp/x/e.db"), ("Languages", "fr, en ,iu"), ("Seed:DemoData", "False"), ("Live:MaxUpdatesPerSecond", "10"),
            ("Moderation:ReportThreshold", " 5 ")));

        Assert.Equal(StorageProviderKind.Sqlite, settings.StorageProvider);
        Assert.Equal("/tmp/x/e.db", settings.SqlitePath);
        Assert.Equal(["fr", "en", "iu"], settings.Languages);
        Assert.Equal("fr", settings.Languages.DefaultLanguage);
        Assert.False(settings.SeedDemoData);
        Assert.Equal(TimeSpan.FromMilliseconds(100), settings.Live.MinInterval);
        Assert.Equal(5, settings.Moderation.ReportThreshold);
    }

    [Fact]
    public void Load_leaves_redis_off_when_ConnectionStrings_Redis_is_absent_or_blank()
    {
        Assert.Null(EngagementSettings.Load(Config()).Redis);
        Assert.Null(EngagementSettings.Load(Config(("ConnectionStrings:Redis", "  "))).Redis);
    }

    [Fact]
    public void Load_reads_ConnectionStrings_Redis_and_never_aborts_on_a_failed_connect()
    {
        var plain = EngagementSettings.Load(Config(("ConnectionStrings:Redis", "redis.internal:6380,abortConnect=true"))).Redis!;
        var prefixed = EngagementSettings.Load(Config(("ConnectionStrings:Redis", "localhost,channelPrefix=city"))).Redis!;

        Assert.Equal(new System.Net.DnsEndPoint("redis.internal", 6380), Assert.Single(plain.Options.EndPoints));
        Assert.False(plain.Options.AbortOnConnectFail);
        Assert.Equal(("engagement", "engagement:data-protection-keys"), (plain.Prefix, plain.DataProtectionKey));
        Assert.Equal(("city", "city:data-protection-keys"), (prefixed.Prefix, prefixed.DataProtectionKey));
    }

    [Fact]
    public void Load_does_not_echo_a_malformed_redis_connection_string_that_may_hold_a_password()
    {
        var error = Assert.Throws<SettingsException>(() => EngagementSettings.Load(Config(("ConnectionStrings:Redis", "localhost,password=hunter2,colour=blue"))));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
