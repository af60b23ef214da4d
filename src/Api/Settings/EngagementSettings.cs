using System.Text.RegularExpressions;
using Engagement.Core.Common;

namespace Engagement.Api.Settings;

/// <summary>
/// Every setting the platform reads, parsed and checked once. Each comes from appsettings, environment
/// variables (Storage__Provider) or the command line (--Storage:Provider=Sqlite).
/// </summary>
public sealed partial record EngagementSettings
{
    public required StorageProviderKind StorageProvider { get; init; }

    /// <summary>The SQLite file, absolute.</summary>
    public required string SqlitePath { get; init; }

    public required SupportedLanguages Languages { get; init; }

    /// <summary>Seed demonstration data when the store is empty.</summary>
    public required bool SeedDemoData { get; init; }

    public static EngagementSettings Load(IConfiguration config)
    {
        var provider = config["Storage:Provider"] ?? "Sqlite";
        var kind = provider.Trim().ToLowerInvariant() switch
        {
            "sqlite" => StorageProviderKind.Sqlite,
            "mongo" or "mongodb" => throw new SettingsException("Storage:Provider",
                "'Mongo' is not available in this build yet (the MongoDB adapter has not landed); use Sqlite."),
            _ => throw new SettingsException("Storage:Provider", $"'{Validator.Truncate(provider)}' is not a storage provider; use Sqlite or Mongo."),
        };

        return new EngagementSettings
        {
            StorageProvider = kind,
            SqlitePath = SqlitePathFrom(config["Storage:Sqlite:Path"]),
            Languages = LanguagesFrom(config["Languages"]),
            SeedDemoData = BoolFrom("Seed:DemoData", config["Seed:DemoData"], fallback: true),
        };
    }

    private static string SqlitePathFrom(string? value)
    {
        const string setting = "Storage:Sqlite:Path";
        var path = string.IsNullOrWhiteSpace(value) ? Path.Combine("data", "engagement.db") : value.Trim();
        if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || path.Contains('\0'))
            throw new SettingsException(setting, "the path contains characters a file name cannot hold.");
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new SettingsException(setting, $"'{full}' is a directory; give the path of the database file, such as data/engagement.db.");
        return full;
    }

    private static SupportedLanguages LanguagesFrom(string? value)
    {
        const string setting = "Languages";
        if (value is null)
            return SupportedLanguages.Default;
        var codes = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (codes.Length == 0)
            throw new SettingsException(setting, "list at least one language code, such as en,fr.");
        foreach (var code in codes)
        {
            if (!LanguageCode().IsMatch(code))
                throw new SettingsException(setting, $"'{Validator.Truncate(code)}' is not a language code; use two or three lowercase letters, such as en or fr.");
        }
        return new SupportedLanguages(codes);
    }

    private static bool BoolFrom(string setting, string? value, bool fallback) =>
        value is null ? fallback
        : bool.TryParse(value.Trim(), out var b) ? b
        : throw new SettingsException(setting, $"'{Validator.Truncate(value)}' is not true or false.");

    [GeneratedRegex("^[a-z]{2,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}

/// <summary>The storage adapters the host can run on.</summary>
public enum StorageProviderKind
{
    Sqlite,
}
