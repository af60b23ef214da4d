using Engagement.Storage.Migration;

namespace Engagement.Api.Composition;

/// <summary>
/// Command-line data migration: <c>migrate-to-mongo [--from file] [--to connection-string] [--batch n]</c> copies the
/// embedded SQLite file into MongoDB (see docs/deployment.md), defaulting to the configured file and connection string.
/// </summary>
public static class MigrationCommands
{
    public static bool IsCommand(string[] args) => MigrateToMongoCommand.IsCommand(args);

    public static Task<int> RunAsync(WebApplication app, string[] args)
    {
        // Read from configuration directly rather than through EngagementSettings, which validates every other setting too:
        // the copy needs only these two, and names its own problems with them (a missing file, an unreachable server).
        var configured = app.Configuration[Settings.EngagementSettings.SqlitePathSetting];
        var from = string.IsNullOrWhiteSpace(configured) ? Settings.EngagementSettings.DefaultSqlitePath : configured.Trim();
        return MigrateToMongoCommand.RunAsync(args[1..], from, app.Configuration[Settings.EngagementSettings.MongoSetting], Console.Out, Console.Error);
    }
}
