using System.Text.RegularExpressions;
using Engagement.Core.Common;
using StackExchange.Redis;

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

    /// <summary>ConnectionStrings:Mongo, checked; required when Storage:Provider is Mongo.</summary>
    public string? MongoConnectionString { get; init; }

    /// <summary>The setting that holds the MongoDB connection string.</summary>
    public const string MongoSetting = "ConnectionStrings:Mongo";

    /// <summary>The setting that holds the SQLite file's path, and the path when it is not set (relative to the working directory).</summary>
    public const string SqlitePathSetting = "Storage:Sqlite:Path";

    internal static readonly string DefaultSqlitePath = Path.Combine("data", "engagement.db");

    public required SupportedLanguages Languages { get; init; }

    /// <summary>Seed demonstration data when the store is empty.</summary>
    public required bool SeedDemoData { get; init; }

    public required GraphQLSettings GraphQL { get; init; }

    public required RateLimitSettings RateLimits { get; init; }

    public required LiveSettings Live { get; init; }
    public required WidgetSettings Widget { get; init; }
    public required ModerationSettings Moderation { get; init; }
    public required InsightsSettings Insights { get; init; }

    /// <summary>How webhooks call receivers (Webhooks:*).</summary>
    public required WebhookSettings Webhooks { get; init; }

    /// <summary>Where email goes (Smtp:*): an SMTP server, or with no host, .eml files beside the SQLite file (./data/outbox).</summary>
    public required Engagement.Email.EmailOptions Email { get; init; }

    /// <summary>The platform's public address (Site:PublicBaseUrl), from which links in emails are built.</summary>
    public required Uri PublicBaseUrl { get; init; }

    /// <summary>The most of their time the email and webhook senders spend sending while work waits (Notifications:MaxBusyPercent).</summary>
    public required int NotificationsMaxBusyPercent { get; init; }

    /// <summary>The period each moderators' digest covers (Notifications:DigestMinutes); one digest per period with new held items.</summary>
    public required TimeSpan ModerationDigestPeriod { get; init; }

    /// <summary>How long sign-in links and finished webhook deliveries are kept (Retention:*).</summary>
    public required Core.Common.RetentionOptions Retention { get; init; }

    /// <summary>How long an address left for follow-up is kept when no improvement uses it (FollowUps:RetentionDays).</summary>
    public required TimeSpan FollowUpRetention { get; init; }

    /// <summary>Origins (scheme://host[:port]) besides the platform's own from which signed-in staff may send changes.</summary>
    public required IReadOnlyList<string> TrustedOrigins { get; init; }

    /// <summary>Set when OpenID Connect sign-in is configured; null otherwise.</summary>
    public OidcSettings? Oidc { get; init; }

    /// <summary>Set when ConnectionStrings:Redis is: nodes then share live updates and data-protection keys through it.</summary>
    public RedisSettings? Redis { get; init; }

    public static EngagementSettings Load(IConfiguration config)
    {
        var provider = config["Storage:Provider"] ?? "Sqlite";
        var kind = provider.Trim().ToLowerInvariant() switch
        {
            "sqlite" => StorageProviderKind.Sqlite,
            "mongo" or "mongodb" => StorageProviderKind.Mongo,
            _ => throw new SettingsException("Storage:Provider", $"'{Validator.Truncate(provider)}' is not a storage provider; use Sqlite or Mongo."),
        };

        return new EngagementSettings
        {
            StorageProvider = kind,
            SqlitePath = SqlitePathFrom(config[SqlitePathSetting]),
            MongoConnectionString = MongoFrom(config[MongoSetting], required: kind == StorageProviderKind.Mongo),
            Languages = LanguagesFrom(config["Languages"]),
            SeedDemoData = BoolFrom("Seed:DemoData", config["Seed:DemoData"], fallback: true),
            GraphQL = new GraphQLSettings
            {
                MaxDepth = IntFrom("GraphQL:MaxDepth", config["GraphQL:MaxDepth"], 15, 2, 100),
                MaxComplexity = IntFrom("GraphQL:MaxComplexity", config["GraphQL:MaxComplexity"], 20_000, 10, 1_000_000),
                MaxPageSize = IntFrom("GraphQL:MaxPageSize", config["GraphQL:MaxPageSize"], 100, 1, PageRequest.MaxLimit),
                MaxBodyBytes = IntFrom("GraphQL:MaxBodyBytes", config["GraphQL:MaxBodyBytes"], 64 * 1024, 1024, 16 * 1024 * 1024),
                MaxBatchSize = IntFrom("GraphQL:MaxBatchSize", config["GraphQL:MaxBatchSize"], 10, 1, 100),
                Timeout = TimeSpan.FromSeconds(IntFrom("GraphQL:TimeoutSeconds", config["GraphQL:TimeoutSeconds"], 10, 1, 300)),
                EnableIntrospection = BoolFrom("GraphQL:EnableIntrospection", config["GraphQL:EnableIntrospection"], fallback: true),
            },
            RateLimits = new RateLimitSettings
            {
                GraphQLPerMinute = IntFrom("RateLimits:GraphQLPerMinute", config["RateLimits:GraphQLPerMinute"], 600, 1, 1_000_000),
                SignInPerMinute = IntFrom("RateLimits:SignInPerMinute", config["RateLimits:SignInPerMinute"], 10, 1, 10_000),
                EmailLinksPerMinute = IntFrom("RateLimits:EmailLinksPerMinute", config["RateLimits:EmailLinksPerMinute"], 30, 1, 10_000),
                LiveConnectionsPerMinute = IntFrom("RateLimits:LiveConnectionsPerMinute", config["RateLimits:LiveConnectionsPerMinute"], 120, 1, 1_000_000),
            },
            Live = new LiveSettings
            {
                MaxUpdatesPerSecond = IntFrom("Live:MaxUpdatesPerSecond", config["Live:MaxUpdatesPerSecond"], 4, 1, 100),
                StalledViewerTimeout = TimeSpan.FromSeconds(IntFrom("Live:StalledViewerTimeoutSeconds", config["Live:StalledViewerTimeoutSeconds"], 10, 1, 600)),
                MaxConnectionsPerAddress = IntFrom("Live:MaxConnectionsPerAddress", config["Live:MaxConnectionsPerAddress"], 200, 1, 1_000_000),
            },
            Widget = new WidgetSettings
            {
                RatingsPerClientPerMinute = IntFrom("Widget:RatingsPerClientPerMinute", config["Widget:RatingsPerClientPerMinute"], 20, 1, 1_000_000),
                RatingsPerKeyPerMinute = IntFrom("Widget:RatingsPerKeyPerMinute", config["Widget:RatingsPerKeyPerMinute"], 6_000, 1, 1_000_000),
                PagesPerClientPerMinute = IntFrom("Widget:PagesPerClientPerMinute", config["Widget:PagesPerClientPerMinute"], 600, 1, 1_000_000),
            },
            Moderation = new ModerationSettings
            {
                ReportThreshold = IntFrom("Moderation:ReportThreshold", config["Moderation:ReportThreshold"],
                    Core.Moderation.ReportOptions.DefaultThreshold, 1, 1_000),
            },
            Insights = new InsightsSettings
            {
                TaggingEnabled = BoolFrom("Insights:Tagging:Enabled", config["Insights:Tagging:Enabled"], fallback: true),
                TaggingBatchSize = IntFrom("Insights:Tagging:BatchSize", config["Insights:Tagging:BatchSize"], 64, 1, 5_000),
                TaggingMaxCpuPercent = IntFrom("Insights:Tagging:MaxCpuPercent", config["Insights:Tagging:MaxCpuPercent"], 15, 1, 100),
                TaggingPollInterval = TimeSpan.FromMilliseconds(IntFrom("Insights:Tagging:PollMilliseconds", config["Insights:Tagging:PollMilliseconds"], 500, 50, 60_000)),
                ThemesRefreshInterval = TimeSpan.FromSeconds(IntFrom("Insights:Themes:RefreshSeconds", config["Insights:Themes:RefreshSeconds"], 600, 1, 86_400)),
                DriftCheckInterval = TimeSpan.FromSeconds(IntFrom("Insights:Drift:CheckSeconds", config["Insights:Drift:CheckSeconds"], 3_600, 1, 86_400)),
            },
            Webhooks = WebhooksFrom(config),
            Email = EmailFrom(config, SqlitePathFrom(config[SqlitePathSetting])),
            PublicBaseUrl = PublicBaseUrlFrom(config["Site:PublicBaseUrl"]),
            NotificationsMaxBusyPercent = IntFrom("Notifications:MaxBusyPercent", config["Notifications:MaxBusyPercent"], 20, 1, 100),
            ModerationDigestPeriod = TimeSpan.FromMinutes(IntFrom("Notifications:DigestMinutes", config["Notifications:DigestMinutes"], 60, 1, 1_440)),
            Retention = new Core.Common.RetentionOptions
            {
                SignInLinks = TimeSpan.FromDays(IntFrom("Retention:SignInLinksDays", config["Retention:SignInLinksDays"], 7, 1, 365)),
                WebhookDeliveries = TimeSpan.FromDays(IntFrom("Retention:WebhookDeliveriesDays", config["Retention:WebhookDeliveriesDays"], 90, 1, 3_650)),
            },
            FollowUpRetention = TimeSpan.FromDays(IntFrom("FollowUps:RetentionDays", config["FollowUps:RetentionDays"], 365, 1, 3_650)),
            TrustedOrigins = OriginsFrom("TrustedOrigins", config["TrustedOrigins"]),
            Oidc = OidcFrom(config),
            Redis = RedisFrom(config[RedisSettings.Setting]),
        };
    }

    private static Uri PublicBaseUrlFrom(string? value)
    {
        // The default suits `dotnet run`; a deployment sets its public https address.
        if (string.IsNullOrWhiteSpace(value))
            return new Uri("http://localhost:5000");
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo))
            return uri;
        throw new SettingsException("Site:PublicBaseUrl", $"'{Validator.Truncate(value)}' is not an absolute http(s) address without query, such as https://engage.example.org.");
    }

    private static string? MongoFrom(string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required
                ? throw new SettingsException(MongoSetting, "Storage:Provider is Mongo, so set the MongoDB connection string (mongodb://host1,host2,host3/engagement?replicaSet=rs0).")
                : null;
        }
        try
        {
            _ = MongoDB.Driver.MongoUrl.Create(value);
        }
        catch (Exception e) when (e is MongoDB.Driver.MongoConfigurationException or ArgumentException or FormatException)
        {
            // Neither the value nor the driver's message (which quotes it) is echoed: it may hold a password.
            throw new SettingsException(MongoSetting, "not a MongoDB connection string; expected mongodb://[user:password@]host[:port][,host…]/database?replicaSet=name (or mongodb+srv://…).");
        }
        return value;
    }

    private static RedisSettings? RedisFrom(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // The value may hold a password, so it is not echoed; the parser's message names the bad part.
            throw new SettingsException(RedisSettings.Setting, $"not a Redis connection string (host:port[,option=value...]): {e.Message}");
        }
        if (options.EndPoints.Count == 0)
            throw new SettingsException(RedisSettings.Setting, "name at least one server, as host:port (for example localhost:6379).");
        // A node must start and serve requests while Redis is away, and reconnect on its own when it is back.
        options.AbortOnConnectFail = false;
        var prefix = options.ChannelPrefix is { IsNullOrEmpty: false } given ? given.ToString() : RedisSettings.DefaultPrefix;
        options.ChannelPrefix = RedisChannel.Literal(prefix);
        return new RedisSettings(options, prefix);
    }

    private static Engagement.Email.EmailOptions EmailFrom(IConfiguration config, string sqlitePath)
    {
        var security = config["Smtp:Security"] is { Length: > 0 } given
            ? Enum.TryParse<Engagement.Email.SmtpSecurity>(given, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new SettingsException("Smtp:Security", $"'{Validator.Truncate(given)}' is not one of Auto, None, StartTls, SslOnConnect.")
            : Engagement.Email.SmtpSecurity.Auto;
        var options = new Engagement.Email.EmailOptions
        {
            Host = string.IsNullOrWhiteSpace(config["Smtp:Host"]) ? null : config["Smtp:Host"]!.Trim(),
            Port = IntFrom("Smtp:Port", config["Smtp:Port"], 25, 1, 65_535),
            Security = security,
            Username = config["Smtp:Username"],
            Password = config["Smtp:Password"],
            FromAddress = config["Smtp:From"] ?? "no-reply@engagement.local",
            FromName = config["Smtp:FromName"] ?? "Engagement",
            Timeout = TimeSpan.FromSeconds(IntFrom("Smtp:TimeoutSeconds", config["Smtp:TimeoutSeconds"], 30, 1, 600)),
            // Beside the embedded store, so a newcomer finds the messages in ./data/outbox.
            OutboxDirectory = config["Smtp:OutboxDirectory"] ?? Path.Combine(Path.GetDirectoryName(sqlitePath) ?? ".", "outbox"),
        };
        try
        {
            Engagement.Email.EmailRegistration.Validate(options);
        }
        catch (ArgumentException e)
        {
            // The email module checks its options; its message names the option, which maps onto our Smtp:* key.
            throw new SettingsException("Smtp", e.Message);
        }
        return options;
    }

    private static WebhookSettings WebhooksFrom(IConfiguration config)
    {
        var firstRetry = IntFrom("Webhooks:FirstRetrySeconds", config["Webhooks:FirstRetrySeconds"], 30, 1, 3_600);
        var maxRetry = IntFrom("Webhooks:MaxRetrySeconds", config["Webhooks:MaxRetrySeconds"], 3_600, 1, 86_400);
        if (maxRetry < firstRetry)
            throw new SettingsException("Webhooks:MaxRetrySeconds", $"{maxRetry} is shorter than Webhooks:FirstRetrySeconds ({firstRetry}); the wait only grows.");
        return new WebhookSettings
        {
            // At most a minute: a delivery is held for five while it is sent, and a batch sends a few after one another.
            Timeout = TimeSpan.FromSeconds(IntFrom("Webhooks:TimeoutSeconds", config["Webhooks:TimeoutSeconds"], 10, 1, 60)),
            AllowPrivateNetworks = BoolFrom("Webhooks:AllowPrivateNetworks", config["Webhooks:AllowPrivateNetworks"], fallback: false),
            FirstRetry = TimeSpan.FromSeconds(firstRetry),
            MaxRetry = TimeSpan.FromSeconds(maxRetry),
            MaxAttempts = IntFrom("Webhooks:MaxAttempts", config["Webhooks:MaxAttempts"], 10, 1, 50),
            PollInterval = TimeSpan.FromMilliseconds(IntFrom("Webhooks:PollMilliseconds", config["Webhooks:PollMilliseconds"], 1_000, 50, 60_000)),
        };
    }

    private static int IntFrom(string setting, string? value, int fallback, int min, int max)
    {
        if (value is null)
            return fallback;
        if (!int.TryParse(value.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
            throw new SettingsException(setting, $"'{Validator.Truncate(value)}' is not a whole number.");
        if (n < min || n > max)
            throw new SettingsException(setting, $"{n} is outside the allowed range {min} to {max}.");
        return n;
    }

    private static IReadOnlyList<string> OriginsFrom(string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return [];
        var origins = new List<string>();
        foreach (var item in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(item, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.AbsolutePath != "/" || item.EndsWith('/'))
                throw new SettingsException(setting, $"'{Validator.Truncate(item)}' is not an origin; write it as https://host or https://host:port.");
            origins.Add(uri.GetLeftPart(UriPartial.Authority));
        }
        return origins;
    }

    private static OidcSettings? OidcFrom(IConfiguration config)
    {
        var authority = config[Auth.OidcRegistration.AuthoritySetting];
        if (string.IsNullOrWhiteSpace(authority))
            return null;
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme != "https")
            throw new SettingsException("Authentication:Oidc:Authority", "give the provider's https address.");
        var clientId = config["Authentication:Oidc:ClientId"];
        if (string.IsNullOrWhiteSpace(clientId))
            throw new SettingsException("Authentication:Oidc:ClientId", "required when Authentication:Oidc:Authority is set.");
        return new OidcSettings(uri.ToString(), clientId, config["Authentication:Oidc:ClientSecret"]);
    }

    private static string SqlitePathFrom(string? value)
    {
        const string setting = SqlitePathSetting;
        var path = string.IsNullOrWhiteSpace(value) ? DefaultSqlitePath : value.Trim();
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

/// <summary>Limits of the GraphQL endpoint; see README for what each bounds.</summary>
public sealed record GraphQLSettings
{
    public required int MaxDepth { get; init; }
    public required int MaxComplexity { get; init; }
    public required int MaxPageSize { get; init; }
    public required int MaxBodyBytes { get; init; }
    public required int MaxBatchSize { get; init; }
    public required TimeSpan Timeout { get; init; }
    public required bool EnableIntrospection { get; init; }
}

/// <summary>Requests per client address per minute on the public endpoints.</summary>
public sealed record RateLimitSettings
{
    public required int GraphQLPerMinute { get; init; }
    public required int SignInPerMinute { get; init; }

    /// <summary>Pages opened from email links (unsubscribe, verification) per client address.</summary>
    public required int EmailLinksPerMinute { get; init; }

    /// <summary>New live connections (hub negotiations) per client address.</summary>
    public required int LiveConnectionsPerMinute { get; init; }
}

/// <summary>How live results reach viewers of the hub.</summary>
public sealed record LiveSettings
{
    /// <summary>Most snapshots pushed to one group per second; writes in between are merged into the next snapshot.</summary>
    public required int MaxUpdatesPerSecond { get; init; }

    /// <summary>How long a viewer's connection may leave the server's output to it undrained before it is closed.</summary>
    public required TimeSpan StalledViewerTimeout { get; init; }

    /// <summary>Live connections one client address may hold open at once (a building behind one address shares it).</summary>
    public required int MaxConnectionsPerAddress { get; init; }

    /// <summary>The most bytes of updates the server buffers for one viewer before it waits for the viewer to read.</summary>
    public const int ViewerBufferBytes = 64 * 1024;

    public TimeSpan MinInterval => TimeSpan.FromSeconds(1.0 / MaxUpdatesPerSecond);
}

/// <summary>How much the widget's public endpoints take from one client address and for one key.</summary>
public sealed record WidgetSettings
{
    /// <summary>Ratings per client address per minute, across keys.</summary>
    public required int RatingsPerClientPerMinute { get; init; }

    /// <summary>Ratings per widget key per minute, across clients: a cap on what a flood spread over many addresses can add.</summary>
    public required int RatingsPerKeyPerMinute { get; init; }

    /// <summary>Widget configurations, hosted rating pages and thank-you pages per client address per minute.</summary>
    public required int PagesPerClientPerMinute { get; init; }
}

/// <summary>How moderation treats what citizens do.</summary>
public sealed record ModerationSettings
{
    /// <summary>Participants' reports (since the comment was last published) that hide a comment pending review.</summary>
    public required int ReportThreshold { get; init; }
}

/// <summary>How insights reads the texts people write.</summary>
public sealed record InsightsSettings
{
    /// <summary>Whether the background tagger reads the sentiment of every text made public.</summary>
    public required bool TaggingEnabled { get; init; }

    /// <summary>Texts scored together in one pass of the model.</summary>
    public required int TaggingBatchSize { get; init; }

    /// <summary>The most of one core, in percent, the tagger takes while it has a backlog.</summary>
    public required int TaggingMaxCpuPercent { get; init; }

    /// <summary>How long the tagger waits before looking again once it has read every text.</summary>
    public required TimeSpan TaggingPollInterval { get; init; }

    /// <summary>How often each organisation's themes are learnt again (skipped while its texts are unchanged).</summary>
    public required TimeSpan ThemesRefreshInterval { get; init; }

    /// <summary>How often every service and open consultation is checked for drift.</summary>
    public required TimeSpan DriftCheckInterval { get; init; }
}

/// <summary>How the platform posts webhook deliveries and tries failed ones again.</summary>
public sealed record WebhookSettings
{
    /// <summary>How long a receiver has to answer one delivery.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Whether receivers on private, loopback and link-local addresses may be registered and called.</summary>
    public required bool AllowPrivateNetworks { get; init; }

    /// <summary>The wait after a first failed try; it doubles after each further one, up to <see cref="MaxRetry"/>.</summary>
    public required TimeSpan FirstRetry { get; init; }

    public required TimeSpan MaxRetry { get; init; }

    /// <summary>Tries before a delivery is marked failed.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>How long the dispatcher waits before looking again once nothing is due.</summary>
    public required TimeSpan PollInterval { get; init; }
}

/// <summary>The Redis that nodes share, and the prefix that keeps this deployment's channels and keys apart from others on it.</summary>
public sealed record RedisSettings(ConfigurationOptions Options, string Prefix)
{
    public const string Setting = "ConnectionStrings:Redis";

    public const string DefaultPrefix = "engagement";

    /// <summary>The one Redis list that holds every data-protection key, so a cookie issued by one node is read by all.</summary>
    public string DataProtectionKey => $"{Prefix}:data-protection-keys";
}

/// <summary>OpenID Connect sign-in for staff, when an identity provider is configured.</summary>
public sealed record OidcSettings(string Authority, string ClientId, string? ClientSecret);

/// <summary>The storage adapters the host can run on.</summary>
public enum StorageProviderKind
{
    Sqlite,
    Mongo,
}
