using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Engagement.Core.Common;
using Engagement.Core.Insights;
using Engagement.Core.Organisations;
using Engagement.Core.Ratings;
using Engagement.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Engagement.Bench.Insights;

/// <summary>
/// Reading a service's insights when it holds 1,000,000 ratings over a year: the use case off its tallies (30 days
/// by day, 365 days by week) against what the page would cost without them, one SQL aggregate over the ratings.
/// The organisation has no theme snapshot, so the use case's theme read finds none; its cost does not grow with ratings.
/// </summary>
[Config(typeof(PerRangeConfig))]
public class AggregatesBenchmarks
{
    private const int Ratings = 1_000_000;
    private const int Days = 365;
    private const int BatchSize = 10_000;

    // Ticks in a day: created_ticks divided by it is the rating's UTC day number (DateOnly.DayNumber).
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    // A fixed "now", late on its day, so the default 30-day range and the year of ratings never depend on when the run starts.
    private static readonly DateTimeOffset Now = new(2025, 6, 30, 23, 59, 59, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly DateOnly FirstDay = Today.AddDays(-(Days - 1));

    // A J-shaped mix, as service ratings usually are: mostly 4s and 5s, a tail of angry 1s, few in the middle.
    private static readonly double[] CumulativeScoreShares = [0.12, 0.18, 0.28, 0.52, 1.0];

    private string _directory = "";
    private SqliteDatabase _db = null!;
    private GetServiceInsights _insights = null!;
    private string _serviceId = "";
    private string _rawConnectionString = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var started = Stopwatch.GetTimestamp();
        _directory = Path.Combine(Path.GetTempPath(), "engagement-bench", Guid.NewGuid().ToString("N"));
        _db = new SqliteDatabase(Path.Combine(_directory, "bench.db"));
        await _db.InitializeAsync();
        var services = new SqliteServiceStore(_db);
        var ratings = new SqliteRatingStore(_db);
        var organisation = new Organisation(Ids.New(), "bench", LocalizedText.EnFr("Bench", "Banc"), Now.AddYears(-2));
        await new SqliteOrganisationStore(_db).TryAddAsync(organisation);
        var service = new Service(Ids.New(), organisation.Id, "svc", LocalizedText.EnFr("Service", "Service"), LocalizedText.EnFr("A service.", "Un service."), Now.AddYears(-2));
        await services.TryAddAsync(service);
        _serviceId = service.Id;

        // In time order and in batches through the production write path, so the tallies are exactly what the adapter builds.
        var random = new Random(7);
        var start = new DateTimeOffset(FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Up to the fixed now, not past it: no rating from the future.
        var span = (Now - start).Ticks;
        var batch = new List<ServiceRating>(BatchSize);
        for (var i = 0; i < Ratings; i++)
        {
            batch.Add(new ServiceRating
            {
                Id = Ids.New(), ServiceId = service.Id, OrganisationId = organisation.Id, Score = Score(random.NextDouble()),
                Language = random.NextDouble() < 0.7 ? "en" : "fr",
                CreatedAt = start.AddTicks((long)((i + random.NextDouble()) * span / Ratings)),
            });
            if (batch.Count == BatchSize)
            {
                await ratings.AddManyAsync(batch);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
            await ratings.AddManyAsync(batch);
        var setup = Stopwatch.GetElapsedTime(started);

        _insights = new GetServiceInsights(services, new SqliteTallyStore(_db), new SqliteThemeStore(_db), new FixedClock(Now));
        // A raw connection beside the adapter's: its read helpers are internal, and the baseline needs only a query.
        _rawConnectionString = new SqliteConnectionStringBuilder { DataSource = _db.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();

        // The rows must count the same ratings, or the ratio would compare unlike work.
        var month = (await LastThirtyDaysByDay()).Periods.Sum(p => p.Ratings.Count);
        var year = await LastYearByWeek();
        var yearByWeek = year.Periods.Sum(p => p.Ratings.Count);
        var (sqlMonth, sqlYear) = (await SqlLastThirtyDays(), await SqlLastYear());
        Console.WriteLine(Invariant($"// Setup: {Ratings:N0} ratings in batches of {BatchSize:N0} in {setup.TotalSeconds:0.0} s ")
            + Invariant($"({setup.TotalMicroseconds / Ratings:0.0} µs per rating); file {Size(""):0.0} MiB, WAL {Size("-wal"):0.0} MiB"));
        Console.WriteLine(Invariant($"// Counted: all time {year.Overall.Count:N0}; 365 days by week {yearByWeek:N0} in {year.Periods.Count} periods, ")
            + Invariant($"by SQL {sqlYear:N0}; 30 days by day {month:N0}, by SQL {sqlMonth:N0}"));
        if (year.Overall.Count != Ratings || yearByWeek != Ratings || sqlYear != Ratings || month != sqlMonth)
            throw new InvalidOperationException("The tallies and the ratings table count different ratings.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        using (var connection = new SqliteConnection(_rawConnectionString))
            SqliteConnection.ClearPool(connection);
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The default page: the service, the all-time tally, 30 day tallies in one read, and the theme snapshot.</summary>
    [Benchmark(Description = "GetServiceInsights, last 30 days by day"), BenchmarkCategory("30 days")]
    public async Task<ServiceInsights> LastThirtyDaysByDay() =>
        (await _insights.ExecuteAsync(new(_serviceId, null, null, InsightsGranularity.Day))).Value;

    /// <summary>What the default page would cost without tallies: its 30 days counted off the ratings.</summary>
    [Benchmark(Baseline = true, Description = "SQL aggregate over ratings, 30 days"), BenchmarkCategory("30 days")]
    public Task<long> SqlLastThirtyDays() => SqlAggregateOverRatings(InsightsRange.DefaultDays);

    /// <summary>The longest range a request may ask for (bar a leap year's extra day): 365 day tallies summed into 53 weeks.</summary>
    [Benchmark(Description = "GetServiceInsights, last 365 days by week"), BenchmarkCategory("365 days")]
    public async Task<ServiceInsights> LastYearByWeek() =>
        (await _insights.ExecuteAsync(new(_serviceId, FirstDay, Today, InsightsGranularity.Week))).Value;

    /// <summary>What the year's page would cost without tallies: every rating of the service counted off the table.</summary>
    [Benchmark(Baseline = true, Description = "SQL aggregate over ratings, 365 days"), BenchmarkCategory("365 days")]
    public Task<long> SqlLastYear() => SqlAggregateOverRatings(Days);

    /// <summary>
    /// The last <paramref name="days"/> days counted per day and score straight off the ratings table, on a pooled
    /// connection as the adapter's reads use: the index finds the rows by service and time, the score is read from each
    /// rating's document.
    /// </summary>
    private async Task<long> SqlAggregateOverRatings(int days)
    {
        var first = Today.AddDays(-(days - 1));
        await using var connection = new SqliteConnection(_rawConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT created_ticks / @ticks_per_day AS day, json_extract(doc, '$.score') AS score, COUNT(*) FROM ratings
            WHERE service_id = @service_id AND created_ticks >= @from AND created_ticks < @to
            GROUP BY 1, 2
            """;
        command.Parameters.AddWithValue("@ticks_per_day", TicksPerDay);
        command.Parameters.AddWithValue("@service_id", _serviceId);
        command.Parameters.AddWithValue("@from", first.DayNumber * TicksPerDay);
        command.Parameters.AddWithValue("@to", (Today.DayNumber + 1) * TicksPerDay);
        // Kept per day and score, as a page would before summing into its periods.
        var counts = new long[days, 5];
        var total = 0L;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var count = reader.GetInt64(2);
            counts[reader.GetInt64(0) - first.DayNumber, reader.GetInt32(1) - 1] += count;
            total += count;
        }
        return total;
    }

    private static int Score(double u)
    {
        var score = 0;
        while (u >= CumulativeScoreShares[score])
            score++;
        return score + 1;
    }

    private double Size(string suffix) =>
        File.Exists(_db.Path + suffix) ? new FileInfo(_db.Path + suffix).Length / 1_048_576.0 : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The short in-process run, each range compared with its own SQL baseline, ratios as "n× faster".</summary>
    private sealed class PerRangeConfig : ManualConfig
    {
        public PerRangeConfig()
        {
            Add(new InProcessShortRun());
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
            // Thousands of times faster reads as 0.000 in the default style.
            SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
        }
    }

    /// <summary>A clock stopped at one instant, so "the last 30 days" is the same days on every run.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
