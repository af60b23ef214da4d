using System.Net;
using Engagement.Api.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace Engagement.Api.Tests.Hostile;

/// <summary>The three things every hostile case asserts: a clear 4xx, nothing leaked, nothing written.</summary>
internal static class Hostile
{
    // What only an unhandled exception, a debug page or a careless message would put in an answer.
    private static readonly string[] LeakMarkers =
    [
        "Exception", "   at ", "StackTrace", ".cs:line", "/work/", "/home/", "/tmp/", "C:\\", "Data Source=", "mongodb://",
        "System.", "Microsoft.", "SQLite Error", "engagement.db", "Engagement.Core", "Engagement.Api",
    ];

    /// <summary>Fails with the case's name unless the answer is a 4xx (one of <paramref name="allowed"/> when given) and leaks nothing.</summary>
    public static async Task<string> AssertRefusedAsync(HttpResponseMessage response, string because, params HttpStatusCode[] allowed)
    {
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{because}: expected a 4xx, got {status}: {Cut(body)}");
        if (allowed.Length > 0)
            Assert.True(allowed.Contains(response.StatusCode), $"{because}: expected {string.Join(" or ", allowed.Select(s => (int)s))}, got {status}: {Cut(body)}");
        AssertNoLeak(body, because);
        return body;
    }

    public static void AssertNoLeak(string body, string because)
    {
        foreach (var marker in LeakMarkers)
            Assert.False(body.Contains(marker, StringComparison.Ordinal), $"{because}: the answer carries '{marker}': {Cut(body)}");
    }

    public static string Cut(string text) => text.Length <= 400 ? text : text[..400] + "…";

    /// <summary>
    /// The number of rows in every table of the host's store, by table: the widest "nothing was written" there is. The
    /// numbers are read with a connection of its own, so they include whatever the host committed.
    /// </summary>
    public static async Task<Dictionary<string, long>> RowCountsAsync(EngagementAppFactory app)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = app.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    /// <summary>
    /// Asserts no table has gained or lost a row since <paramref name="before"/> was taken, except the ones background
    /// work derives from earlier writes (insights, tallies, the workers' checkpoints, themes, drift alerts, webhook
    /// deliveries), which fill in on their own time.
    /// </summary>
    public static async Task AssertNothingWrittenAsync(EngagementAppFactory app, Dictionary<string, long> before, string because)
    {
        var after = await RowCountsAsync(app);
        var changed = after.Where(t => !IsBackground(t.Key))
            .Where(t => !before.TryGetValue(t.Key, out var was) || was != t.Value)
            .Select(t => $"{t.Key}: {before.GetValueOrDefault(t.Key)} → {t.Value}").ToList();
        Assert.True(changed.Count == 0, $"{because}: rows were written: {string.Join(", ", changed)}");
    }

    private static bool IsBackground(string table) =>
        table.StartsWith("insight", StringComparison.Ordinal) || table.StartsWith("tall", StringComparison.Ordinal)
        || table is "checkpoints" or "theme_snapshots" or "drift_alerts" or "webhook_deliveries";
}
