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
        // Read from configuration directly rather than through EngagementSettings, which also validates the storage provider:
        // the copy must run whichever provider is configured, including Mongo once the switch is made.
        var configured = app.Configuration["Storage:Sqlite:Path"];
        var from = string.IsNullOrWhiteSpace(configured) ? Path.Combine("data", "engagement.db") : configured.Trim();
        return MigrateToMongoCommand.RunAsync(args[1..], from, app.Configuration.GetConnectionString("Mongo"), Console.Out, Console.Error);
    }
}
