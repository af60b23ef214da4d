using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>The texts insights read (insight_texts, written by <see cref="SqliteSentimentFeed"/> with each tag) and each organisation's theme snapshot.</summary>
public sealed class SqliteThemeStore(SqliteDatabase db) : IThemeStore
{
    public Task<IReadOnlyList<PublicText>> ListRecentTextsAsync(string organisationId, int max, CancellationToken ct = default) =>
        db.ReadAsync(c => Texts(c.Command($"""
                SELECT {Columns} FROM insight_texts
                WHERE organisation_id = @organisation_id ORDER BY at_ticks DESC, target_id DESC LIMIT @max
                """).With("@organisation_id", organisationId).With("@max", max), organisationId), ct);

    public Task<IReadOnlyList<PublicText>> GetTextsAsync(string organisationId, IReadOnlyCollection<string> keys, CancellationToken ct = default) =>
        db.ReadAsync(c => Texts(c.Command($"""
                SELECT {Columns} FROM insight_texts
                WHERE organisation_id = @organisation_id AND kind || ':' || target_id IN (SELECT value FROM json_each(@keys))
                """).With("@organisation_id", organisationId).WithJsonArray("@keys", keys), organisationId), ct);

    private const string Columns = "kind, target_id, scope, language, text, label, at_ticks";

    private static IReadOnlyList<PublicText> Texts(SqliteCommand command, string organisationId)
    {
        using (command)
        using (var reader = command.ExecuteReader())
        {
            var texts = new List<PublicText>();
            while (reader.Read())
            {
                texts.Add(new PublicText(Enum.Parse<TextKind>(reader.GetString(0)), reader.GetString(1), organisationId, reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), Enum.Parse<SentimentLabel>(reader.GetString(5)), new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero)));
            }
            return texts;
        }
    }

    public Task<long> WatermarkAsync(string organisationId, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT MAX(changed) FROM insight_texts WHERE organisation_id = @organisation_id")
            .With("@organisation_id", organisationId).ExecuteScalar() is long value ? value : 0L, ct);

    public Task SaveAsync(ThemeSnapshot snapshot, CancellationToken ct = default) =>
        db.WriteAsync(tx => tx.Command("""
                INSERT INTO theme_snapshots (organisation_id, doc) VALUES (@organisation_id, @doc)
                ON CONFLICT (organisation_id) DO UPDATE SET doc = excluded.doc
                """)
            .With("@organisation_id", snapshot.OrganisationId).With("@doc", StorageJson.Serialize(snapshot)).Run(), ct);

    public Task<ThemeSnapshot?> GetAsync(string organisationId, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM theme_snapshots WHERE organisation_id = @organisation_id")
            .With("@organisation_id", organisationId).ReadDoc<ThemeSnapshot>(), ct);
}
