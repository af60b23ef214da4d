using Engagement.Core.Comments;
using Engagement.Core.Insights;
using Engagement.Core.Ratings;
using Engagement.Core.Screening;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>The feed of public texts (the text_feed table, appended by the text stores) and the tags saved with the texts.</summary>
public sealed class SqliteSentimentFeed(SqliteDatabase db) : ISentimentFeed
{
    private const string Checkpoint = "sentiment";

    public Task<FeedPage> ListAfterAsync(long sequence, int max, CancellationToken ct = default) =>
        db.ReadAsync(c =>
        {
            var entries = new List<(long Seq, TextKind Kind, string TargetId)>();
            using (var read = c.Command("SELECT seq, kind, target_id FROM text_feed WHERE seq > @after ORDER BY seq LIMIT @max")
                .With("@after", sequence).With("@max", max))
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                    entries.Add((reader.GetInt64(0), Enum.Parse<TextKind>(reader.GetString(1)), reader.GetString(2)));
            }
            if (entries.Count == 0)
                return new FeedPage([], sequence);

            var comments = Docs<Comment>(c, "comments", entries.Where(e => e.Kind is TextKind.Comment or TextKind.Reply).Select(e => e.TargetId)).ToDictionary(x => x.Id);
            var ratings = Docs<ServiceRating>(c, "ratings", entries.Where(e => e.Kind == TextKind.RatingComment).Select(e => e.TargetId)).ToDictionary(x => x.Id);
            var responses = Docs<SurveyResponse>(c, "survey_responses", entries.Where(e => e.Kind == TextKind.SurveyAnswer).Select(e => ResponseId(e.TargetId))).ToDictionary(x => x.Id);
            var texts = new List<TextToTag>();
            foreach (var (seq, kind, targetId) in entries)
            {
                (string Organisation, string Text)? found = kind switch
                {
                    TextKind.Comment or TextKind.Reply when comments.TryGetValue(targetId, out var comment) && comment.Status == CommentStatus.Published =>
                        (comment.OrganisationId, comment.Text),
                    TextKind.RatingComment when ratings.TryGetValue(targetId, out var rating) && rating is { CommentStatus: CommentStatus.Published, Comment: { } text } =>
                        (rating.OrganisationId, text),
                    TextKind.SurveyAnswer when responses.TryGetValue(ResponseId(targetId), out var response)
                        && response.Answers.TryGetValue(QuestionId(targetId), out var answer) && answer.Text is { } said =>
                        (response.OrganisationId, said),
                    _ => null,
                };
                if (found is { } f)
                    texts.Add(new TextToTag(seq, kind, targetId, f.Organisation, f.Text));
            }
            return new FeedPage(texts, entries[^1].Seq);
        }, ct);

    public Task SaveTagsAsync(IReadOnlyList<(TextKind Kind, string TargetId, SentimentTag Tag)> tags, long checkpoint, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            // In place with json_set: the tagger shares the one writer with every request, so it must not hold it long.
            // The label a text had is read first, so a text tagged again moves its sentiment tallies rather than adding to them.
            var delta = new TallyDelta();
            foreach (var (kind, targetId, tag) in tags)
            {
                var json = StorageJson.Serialize(tag);
                switch (kind)
                {
                    case TextKind.Comment or TextKind.Reply:
                    {
                        if (Read(tx.Command("SELECT consultation_id, created_ticks, json_extract(doc, '$.sentiment.label'), json_extract(doc, '$.organisationId'), json_extract(doc, '$.text') FROM comments WHERE id = @id").With("@id", targetId))
                            is not var (consultationId, ticks, previous, organisationId, text))
                            break;
                        tx.Command("UPDATE comments SET doc = json_set(doc, '$.sentiment', json(@tag)) WHERE id = @id").With("@id", targetId).With("@tag", json).Run();
                        delta.Merge(SentimentTallies.ForTag(
                            [TallyScopes.Consultation(consultationId), TallyScopes.ConsultationDay(consultationId, Day(ticks))], previous, tag.Label));
                        KeepText(tx, kind, targetId, organisationId, TallyScopes.Consultation(consultationId), tag, ticks, checkpoint, text);
                        break;
                    }
                    case TextKind.RatingComment:
                    {
                        if (Read(tx.Command("SELECT service_id, created_ticks, json_extract(doc, '$.commentSentiment.label'), json_extract(doc, '$.organisationId'), json_extract(doc, '$.comment') FROM ratings WHERE id = @id").With("@id", targetId))
                            is not var (serviceId, ticks, previous, organisationId, text))
                            break;
                        tx.Command("UPDATE ratings SET doc = json_set(doc, '$.commentSentiment', json(@tag)) WHERE id = @id").With("@id", targetId).With("@tag", json).Run();
                        delta.Merge(SentimentTallies.ForTag([TallyScopes.Service(serviceId), TallyScopes.ServiceDay(serviceId, Day(ticks))], previous, tag.Label));
                        KeepText(tx, kind, targetId, organisationId, TallyScopes.Service(serviceId), tag, ticks, checkpoint, text);
                        break;
                    }
                    case TextKind.SurveyAnswer:
                    {
                        // Only for a question the response answers, into its map of tags (made when a document has none yet).
                        var (responseId, question) = (ResponseId(targetId), QuestionId(targetId));
                        if (Read(tx.Command("""
                                SELECT survey_id, submitted_ticks, json_extract(doc, '$.sentiments.' || json_quote(@question) || '.label'), json_extract(doc, '$.organisationId'),
                                    json_extract(doc, '$.answers.' || json_quote(@question) || '.text')
                                FROM survey_responses
                                WHERE id = @id AND json_type(doc, '$.answers.' || json_quote(@question)) IS NOT NULL
                                """).With("@id", responseId).With("@question", question)) is not var (surveyId, ticks, previous, organisationId, text))
                            break;
                        tx.Command("""
                            UPDATE survey_responses
                            SET doc = json_set(doc, '$.sentiments', json_patch(COALESCE(json_extract(doc, '$.sentiments'), '{}'), json_object(@question, json(@tag))))
                            WHERE id = @id
                            """).With("@id", responseId).With("@question", question).With("@tag", json).Run();
                        delta.Merge(SentimentTallies.ForTag([TallyScopes.Survey(surveyId), TallyScopes.SurveyDay(surveyId, Day(ticks))], previous, tag.Label));
                        KeepText(tx, kind, targetId, organisationId, TallyScopes.Survey(surveyId), tag, ticks, checkpoint, text);
                        break;
                    }
                }
            }
            tx.Apply(delta);
            tx.Command("INSERT INTO checkpoints (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .With("@name", Checkpoint).With("@value", checkpoint).Run();
            return true;
        }, ct);

    public Task<long> GetCheckpointAsync(CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT value FROM checkpoints WHERE name = @name").With("@name", Checkpoint).ExecuteScalar() is long value ? value : 0L, ct);

    private static List<T> Docs<T>(SqliteConnection c, string table, IEnumerable<string> ids)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? [] : c.Command($"SELECT doc FROM {table} WHERE id IN (SELECT value FROM json_each(@ids))").WithJsonArray("@ids", distinct).ReadDocs<T>();
    }

    // The record's scope id, creation instant, current label, organisation and text; null when the record (or its text) is unknown.
    private static (string ScopeId, long Ticks, SentimentLabel? Previous, string OrganisationId, string Text)? Read(SqliteCommand command)
    {
        using (command)
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read() || reader.IsDBNull(4))
                return null;
            return (reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : Enum.Parse<SentimentLabel>(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4));
        }
    }

    // The words insights read for themes and quotes, kept beside the tag so an organisation's texts are one indexed read.
    private static void KeepText(
        SqliteTransaction tx, TextKind kind, string targetId, string organisationId, string scope, SentimentTag tag, long ticks, long checkpoint, string text) =>
        tx.Command("""
            INSERT INTO insight_texts (kind, target_id, organisation_id, scope, language, label, at_ticks, changed, text)
            VALUES (@kind, @target_id, @organisation_id, @scope, @language, @label, @at_ticks, @changed, @text)
            ON CONFLICT (kind, target_id) DO UPDATE SET language = excluded.language, label = excluded.label, changed = excluded.changed, text = excluded.text
            """)
            .With("@kind", kind.ToString()).With("@target_id", targetId).With("@organisation_id", organisationId).With("@scope", scope)
            .With("@language", tag.Language).With("@label", tag.Label.ToString()).With("@at_ticks", ticks)
            .With("@changed", checkpoint).With("@text", text)
            .Run();

    private static DateOnly Day(long utcTicks) => TallyScopes.DayOf(new DateTimeOffset(utcTicks, TimeSpan.Zero));

    private static string ResponseId(string answerId) => answerId[..Math.Max(0, answerId.IndexOf('/', StringComparison.Ordinal))];

    private static string QuestionId(string answerId) => answerId[(answerId.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
