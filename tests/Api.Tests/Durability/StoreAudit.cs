using System.Globalization;
using Engagement.Core.Participants;
using Microsoft.Data.Sqlite;

namespace Engagement.Api.Tests.Durability;

/// <summary>
/// Reads a store file read-only, the way an auditor would after a crash: which records exist, and whether every tally
/// the drills' writes move equals a count of the records behind it, worked out here from the rows, not from the code
/// that moves tallies. Every figure comes from one snapshot, so a host still running (its sentiment tagger saving tags and
/// moving tallies) cannot commit between the read of the records and the read of their tallies.
/// </summary>
public sealed class StoreAudit : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _snapshot;

    public StoreAudit(string databasePath)
    {
        // No pool: the handle must be gone when the audit is, so the drill can delete or unmount the directory.
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        _connection.Open();
        // Deferred: the snapshot is taken by the first read and held until the audit is disposed.
        _snapshot = _connection.BeginTransaction(deferred: true);
    }

    /// <summary>
    /// Waits until the sentiment tagger of a running host has saved tags up to the last public text, so the audit
    /// checks every text's tag rather than those it happened to reach. False when it has not within the time given.
    /// </summary>
    public static async Task<bool> WaitUntilTaggedAsync(string databasePath, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            using (var audit = new StoreAudit(databasePath))
            {
                if (audit.Scalar("SELECT COALESCE((SELECT value FROM checkpoints WHERE name = 'sentiment'), 0) >= COALESCE((SELECT max(seq) FROM text_feed), 0)") == 1)
                    return true;
            }
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(200);
        }
    }

    /// <summary>The texts (comments, replies, rating comments and survey answers) that carry a sentiment tag.</summary>
    public long TaggedTexts() => Scalar("""
        SELECT (SELECT count(*) FROM comments WHERE json_extract(doc, '$.sentiment.label') IS NOT NULL)
             + (SELECT count(*) FROM ratings WHERE json_extract(doc, '$.commentSentiment.label') IS NOT NULL)
             + (SELECT COALESCE(sum((SELECT count(*) FROM json_each(doc, '$.sentiments'))), 0) FROM survey_responses)
        """);

    /// <summary>Rating ids of a service, by page address (the drills give each rating a page of its own, so it can be found again).</summary>
    public Dictionary<string, List<string>> RatingsByPage(string serviceId) =>
        Group("SELECT json_extract(doc, '$.pageUrl'), id FROM ratings WHERE service_id = @id", serviceId);

    /// <summary>Comment ids of a consultation, by text.</summary>
    public Dictionary<string, List<string>> CommentsByText(string consultationId) =>
        Group("SELECT json_extract(doc, '$.text'), id FROM comments WHERE consultation_id = @id", consultationId);

    /// <summary>Response ids of a survey, by participant id.</summary>
    public Dictionary<string, List<string>> ResponsesByParticipant(string surveyId) =>
        Group("SELECT participant_id, id FROM survey_responses WHERE survey_id = @id", surveyId);

    /// <summary>The participant a token was issued to, or null when no participant holds it.</summary>
    public string? ParticipantOfToken(string token)
    {
        using var command = Command("SELECT id FROM participants WHERE token_hash = @hash");
        command.Parameters.AddWithValue("@hash", ParticipantTokens.Hash(token));
        return command.ExecuteScalar() as string;
    }

    /// <summary>
    /// Every tally bucket of a service, its days and its pages, against the ratings counted by score; every bucket of a
    /// consultation and its days against its comments and replies counted by status; every bucket of a survey and its
    /// days against its responses and their answers; and in all three, the sentiment buckets against the texts' tags.
    /// Returns the buckets compared and those that differ.
    /// </summary>
    public (int Compared, IReadOnlyList<string> Mismatches) CheckTallies(string serviceId, string consultationId, string surveyId)
    {
        var expected = new Dictionary<(string Scope, string Bucket), long>();
        void Count(string scope, string bucket) => expected[(scope, bucket)] = expected.GetValueOrDefault((scope, bucket)) + 1;

        // The sentiment tagger tags texts in the background, moving "sentiment.*" buckets of the same scopes in the same commit.
        static string Sentiment(object? label) => $"sentiment.{((string)label!).ToLowerInvariant()}";

        foreach (var row in Rows("SELECT created_ticks, json_extract(doc, '$.score'), json_extract(doc, '$.pageUrl'), json_extract(doc, '$.commentSentiment.label') FROM ratings WHERE service_id = @id", serviceId))
        {
            var bucket = $"score.{row[1]}";
            Count($"service:{serviceId}", bucket);
            Count($"service-day:{serviceId}:{Day(row[0])}", bucket);
            if (row[2] is string page)
                Count($"service-page:{serviceId}:{page}", bucket);
            if (row[3] is not null)
            {
                Count($"service:{serviceId}", Sentiment(row[3]));
                Count($"service-day:{serviceId}:{Day(row[0])}", Sentiment(row[3]));
            }
        }
        foreach (var row in Rows("SELECT created_ticks, parent_id IS NOT NULL, status, json_extract(doc, '$.sentiment.label') FROM comments WHERE consultation_id = @id", consultationId))
        {
            var bucket = $"{((long)row[1]! == 1 ? "replies" : "comments")}.{((string)row[2]!).ToLowerInvariant()}";
            Count($"consultation:{consultationId}", bucket);
            Count($"consultation-day:{consultationId}:{Day(row[0])}", bucket);
            if (row[3] is not null)
            {
                Count($"consultation:{consultationId}", Sentiment(row[3]));
                Count($"consultation-day:{consultationId}:{Day(row[0])}", Sentiment(row[3]));
            }
        }
        foreach (var row in Rows("SELECT submitted_ticks, doc FROM survey_responses WHERE survey_id = @id", surveyId))
        {
            foreach (var scope in new[] { $"survey:{surveyId}", $"survey-day:{surveyId}:{Day(row[0])}" })
            {
                Count(scope, "responses");
                using var doc = System.Text.Json.JsonDocument.Parse((string)row[1]!);
                foreach (var answer in doc.RootElement.GetProperty("answers").EnumerateObject())
                {
                    Count(scope, $"q.{answer.Name}");
                    if (answer.Value.TryGetProperty("number", out var number))
                        Count(scope, $"q.{answer.Name}.{number.GetInt32().ToString(CultureInfo.InvariantCulture)}");
                    if (answer.Value.TryGetProperty("yesNo", out var yes))
                        Count(scope, $"q.{answer.Name}.{(yes.GetBoolean() ? "yes" : "no")}");
                    if (answer.Value.TryGetProperty("choices", out var choices))
                    {
                        foreach (var choice in choices.EnumerateArray())
                            Count(scope, $"q.{answer.Name}.{choice.GetString()}");
                    }
                }
                if (doc.RootElement.TryGetProperty("sentiments", out var sentiments))
                {
                    foreach (var tag in sentiments.EnumerateObject())
                        Count(scope, Sentiment(tag.Value.GetProperty("label").GetString()));
                }
            }
        }

        var actual = new Dictionary<(string Scope, string Bucket), long>();
        // Every scope these three own: a stray bucket (a tally with no record behind it) is as wrong as a missing one.
        using (var command = Command("""
                SELECT scope, bucket, count FROM tallies
                WHERE scope IN (@service, @consultation, @survey)
                   OR scope LIKE @service_days OR scope LIKE @service_pages OR scope LIKE @consultation_days OR scope LIKE @survey_days
                """))
        {
            command.Parameters.AddWithValue("@service", $"service:{serviceId}");
            command.Parameters.AddWithValue("@consultation", $"consultation:{consultationId}");
            command.Parameters.AddWithValue("@survey", $"survey:{surveyId}");
            command.Parameters.AddWithValue("@service_days", $"service-day:{serviceId}:%");
            command.Parameters.AddWithValue("@service_pages", $"service-page:{serviceId}:%");
            command.Parameters.AddWithValue("@consultation_days", $"consultation-day:{consultationId}:%");
            command.Parameters.AddWithValue("@survey_days", $"survey-day:{surveyId}:%");
            using var reader = command.ExecuteReader();
            while (reader.Read())
                actual[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        var mismatches = new List<string>();
        var keys = expected.Keys.Union(actual.Keys).ToList();
        foreach (var key in keys)
        {
            var want = expected.GetValueOrDefault(key);
            var have = actual.GetValueOrDefault(key);
            if (want != have)
                mismatches.Add($"{key.Scope} {key.Bucket}: tally {have}, records {want}");
        }
        return (keys.Count, mismatches);
    }

    public void Dispose()
    {
        _snapshot.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _snapshot;
        command.CommandText = sql;
        return command;
    }

    private long Scalar(string sql)
    {
        using var command = Command(sql);
        return (long)command.ExecuteScalar()!;
    }

    private static string Day(object? ticks) =>
        new DateTime((long)ticks!, DateTimeKind.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Dictionary<string, List<string>> Group(string sql, string id)
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in Rows(sql, id))
        {
            if (row[0] is not string key)
                continue;
            if (!groups.TryGetValue(key, out var ids))
                groups[key] = ids = [];
            ids.Add((string)row[1]!);
        }
        return groups;
    }

    private List<object?[]> Rows(string sql, string id)
    {
        using var command = Command(sql);
        command.Parameters.AddWithValue("@id", id);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
