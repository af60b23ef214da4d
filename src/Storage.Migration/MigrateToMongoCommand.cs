using System.Globalization;
using Engagement.Storage.Mongo;
using MongoDB.Driver;

namespace Engagement.Storage.Migration;

/// <summary>
/// <c>migrate-to-mongo [--from file] [--to connection-string] [--batch n]</c>: copies the SQLite file into MongoDB and
/// verifies the counts. Exit codes: 0 copied and verified, 1 refused or a count mismatch, 2 bad arguments.
/// </summary>
public static class MigrateToMongoCommand
{
    public const string Name = "migrate-to-mongo";

    public const string Usage =
        "Usage: migrate-to-mongo [--from path/to/engagement.db] [--to mongodb://host:27017/engagement?replicaSet=rs0] [--batch 1..10000]\n"
        + "  --from   the SQLite file (default: Storage:Sqlite:Path)\n"
        + "  --to     the MongoDB connection string (default: ConnectionStrings:Mongo)\n"
        + "  --batch  rows per batch and per checkpoint (default: 500)";

    /// <summary>What the command was asked to do, after the defaults were applied.</summary>
    public sealed record Options(string From, string To, int Batch);

    public static bool IsCommand(string[] args) => args is [Name, ..];

    /// <summary>
    /// Reads the arguments after the command name; null with <paramref name="problem"/> set when they are not usable (an
    /// unknown option, a missing value, a batch outside 1..10000, no target anywhere).
    /// </summary>
    public static Options? Parse(IReadOnlyList<string> args, string defaultFrom, string? defaultTo, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            var option = args[i];
            if (option is not ("--from" or "--to" or "--batch"))
            {
                problem = $"Unknown argument '{option}'.";
                return null;
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                problem = $"{option} needs a value.";
                return null;
            }
            if (!values.TryAdd(option, args[i + 1]))
            {
                problem = $"{option} is given twice.";
                return null;
            }
        }

        var batch = StoreCopy.DefaultBatchSize;
        if (values.TryGetValue("--batch", out var text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out batch) || batch is < 1 or > StoreCopy.MaxBatchSize))
        {
            problem = $"--batch must be a whole number from 1 to {StoreCopy.MaxBatchSize.ToString(CultureInfo.InvariantCulture)}.";
            return null;
        }
        var to = values.GetValueOrDefault("--to") ?? defaultTo;
        if (string.IsNullOrWhiteSpace(to))
        {
            problem = "Name the MongoDB database with --to or the ConnectionStrings:Mongo setting.";
            return null;
        }
        problem = null;
        return new Options(Path.GetFullPath(values.GetValueOrDefault("--from") ?? defaultFrom), to, batch);
    }

    /// <summary>Runs the command (<paramref name="args"/> without its name) against MongoDB; returns the exit code.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, string defaultFrom, string? defaultTo, TextWriter output, TextWriter errors, CancellationToken ct = default) =>
        RunAsync(args, defaultFrom, defaultTo, output, errors, OpenMongo, ct);

    internal static async Task<int> RunAsync(
        IReadOnlyList<string> args, string defaultFrom, string? defaultTo, TextWriter output, TextWriter errors,
        Func<string, (IMigrationSink Sink, IDisposable Owner)> openSink, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(openSink);
        if (Parse(args, defaultFrom, defaultTo, out var problem) is not { } options)
        {
            await errors.WriteLineAsync(problem);
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        (IMigrationSink Sink, IDisposable Owner) target;
        try
        {
            target = openSink(options.To);
        }
        catch (Exception e) when (e is MongoConfigurationException or ArgumentException)
        {
            // The driver's message names what is wrong with the string; the string itself may hold a password, so it is not echoed.
            await errors.WriteLineAsync($"--to is not a usable MongoDB connection string: {e.Message}");
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        using (target.Owner)
        {
            try
            {
                using var source = SqliteMigrationSource.Open(options.From);
                var report = await new StoreCopy(source, target.Sink, MigrationPlan.Engagement(), output).RunAsync(options.Batch, ct);
                return report.ExitCode;
            }
            catch (Exception e) when (e is MigrationRefusedException or MongoStartupException)
            {
                await errors.WriteLineAsync(e.Message);
                return 1;
            }
            catch (Exception e) when (e is MongoException or TimeoutException)
            {
                // Everything up to the last checkpoint is stored; the rest is read again from there.
                await errors.WriteLineAsync($"The copy stopped: {e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}");
                await errors.WriteLineAsync("Run the same command again once the server is reachable; it resumes after the last batch it stored.");
                return 1;
            }
        }
    }

    private static (IMigrationSink, IDisposable) OpenMongo(string connectionString)
    {
        var storage = new MongoStorage(connectionString);
        return (new MongoMigrationSink(storage), storage);
    }
}
