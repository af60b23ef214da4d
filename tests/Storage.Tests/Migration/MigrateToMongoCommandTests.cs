using Engagement.Storage.Migration;

namespace Engagement.Storage.Tests.Migration;

/// <summary>
/// The command line: arguments and their defaults, usage and exit code 2 for bad ones, 1 for a refusal, a mismatch or an
/// unreachable server, 0 for a verified copy.
/// </summary>
public sealed class MigrateToMongoCommandTests
{
    private const string DefaultTo = "mongodb://db.example.org:27017/engagement?replicaSet=rs0";

    [Fact]
    public void Defaults_come_from_configuration_and_the_batch_is_500()
    {
        var options = MigrateToMongoCommand.Parse([], "data/engagement.db", DefaultTo, out var problem);

        Assert.Null(problem);
        Assert.Equal(new MigrateToMongoCommand.Options(Path.GetFullPath("data/engagement.db"), DefaultTo, 500), options);
    }

    [Fact]
    public void Each_option_overrides_its_default()
    {
        var options = MigrateToMongoCommand.Parse(["--batch", "10000", "--to", "mongodb://other/e", "--from", "/srv/engagement.db"], "x.db", DefaultTo, out _);

        Assert.Equal(new MigrateToMongoCommand.Options("/srv/engagement.db", "mongodb://other/e", 10_000), options);
    }

    [Theory]
    [InlineData("--batch", "0")]
    [InlineData("--batch", "10001")]
    [InlineData("--batch", "-5")]
    [InlineData("--batch", "five")]
    [InlineData("--batch", "1e3")]
    [InlineData("--batch")]
    [InlineData("--from")]
    [InlineData("--from", "--to", "mongodb://x/e")]
    [InlineData("--form", "x.db")]
    [InlineData("x.db")]
    [InlineData("--from", "a.db", "--from", "b.db")]
    public void Bad_arguments_are_refused_with_a_reason(params string[] args)
    {
        Assert.Null(MigrateToMongoCommand.Parse(args, "data/engagement.db", DefaultTo, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void Without_a_target_anywhere_the_command_asks_for_one()
    {
        Assert.Null(MigrateToMongoCommand.Parse([], "data/engagement.db", null, out var problem));
        Assert.Contains("ConnectionStrings:Mongo", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_print_the_usage_and_exit_with_2_before_anything_is_opened()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var opened = false;

        var exit = await MigrateToMongoCommand.RunAsync(["--batch", "0"], "missing.db", DefaultTo, output, errors,
            _ => { opened = true; return (new FakeSink(), new StringWriter()); }, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains(MigrateToMongoCommand.Usage, errors.ToString(), StringComparison.Ordinal);
        Assert.False(opened);
    }

    [Fact]
    public async Task A_connection_string_the_driver_cannot_read_exits_with_2_without_echoing_it()
    {
        var errors = new StringWriter();

        var exit = await MigrateToMongoCommand.RunAsync(["--to", "postgres://user:pw@host/db"], "missing.db", null, TextWriter.Null, errors);

        Assert.Equal(2, exit);
        Assert.DoesNotContain("user:pw", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verified_copy_exits_with_0_and_a_mismatch_with_1()
    {
        using var file = await SeededSqlite.CreateAsync();
        var output = new StringWriter();

        Assert.Equal(0, await RunAsync(file.Path, new FakeSink(), output));
        Assert.Contains("All counts match.", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await RunAsync(file.Path, new FakeSink { Drop = file.Records[0].Id }, TextWriter.Null));
    }

    [Fact]
    public async Task A_refused_copy_exits_with_1_and_says_why()
    {
        using var file = await SeededSqlite.CreateAsync();
        SeededSqlite.Execute(file.Path, "CREATE TABLE future_notes (id TEXT NOT NULL PRIMARY KEY); INSERT INTO future_notes VALUES ('n1');");
        var errors = new StringWriter();
        var sink = new FakeSink();

        Assert.Equal(1, await RunAsync(file.Path, sink, TextWriter.Null, errors));
        Assert.Contains("future_notes (1 rows)", errors.ToString(), StringComparison.Ordinal);
        Assert.False(sink.Prepared);
    }

    [Fact]
    public async Task An_unreachable_server_fails_the_prepare_step_with_exit_1_before_anything_is_copied()
    {
        using var file = await SeededSqlite.CreateAsync();
        var errors = new StringWriter();

        // Port 9 (discard) has no MongoDB: start-up's server check fails within the short selection timeout.
        var exit = await MigrateToMongoCommand.RunAsync(
            ["--from", file.Path, "--to", "mongodb://127.0.0.1:9/engagement?serverSelectionTimeoutMS=500&connectTimeoutMS=500"], "x.db", null, TextWriter.Null, errors);

        Assert.Equal(1, exit);
        Assert.Contains("Cannot reach MongoDB at 127.0.0.1:9", errors.ToString(), StringComparison.Ordinal);
    }

    private static Task<int> RunAsync(string path, FakeSink sink, TextWriter output, TextWriter? errors = null) =>
        MigrateToMongoCommand.RunAsync(["--from", path, "--batch", "3"], "x.db", DefaultTo, output, errors ?? TextWriter.Null,
            _ => (sink, new StringWriter()), CancellationToken.None);
}
