using Engagement.Core.Comments;
using Engagement.Core.Insights;
using Engagement.Core.Ratings;
using Engagement.Core.Screening;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>The sentiment tagger's position in the text feed, a named document of the checkpoints collection, moved in the transaction of the tags it covers.</summary>
internal sealed record SentimentCheckpointDocument(string Id, long Value);

/// <summary>
/// The feed of public texts (<see cref="TextFeed"/>, appended by the text stores) and the tags saved with the texts: each tag
/// goes into its comment, rating or survey response, moves the sentiment tallies and keeps the text for insights.
/// </summary>
public sealed class MongoSentimentFeed(MongoStorage db) : ISentimentFeed
{
    internal const string Checkpoint = "sentiment";

    // The feed is read by its _id (the sequence), the records by theirs, the checkpoint by its name: no index of its own.
    internal static readonly IReadOnlyList<MongoIndex> Indexes = [];

    private readonly IMongoCollection<FeedEntryDocument> _feed = db.Collection<FeedEntryDocument>(MongoSchema.Collections.TextFeed);
    private readonly IMongoCollection<Comment> _comments = db.Collection<Comment>(MongoSchema.Collections.Comments);
    private readonly IMongoCollection<ServiceRating> _ratings = db.Collection<ServiceRating>(MongoSchema.Collections.Ratings);
    private readonly IMongoCollection<SurveyResponse> _responses = db.Collection<SurveyResponse>(MongoSchema.Collections.SurveyResponses);
    private readonly IMongoCollection<InsightTextDocument> _texts = db.Collection<InsightTextDocument>(MongoSchema.Collections.InsightTexts);
    private readonly IMongoCollection<SentimentCheckpointDocument> _checkpoints = db.Collection<SentimentCheckpointDocument>(MongoSchema.Collections.Checkpoints);

    public async Task<FeedPage> ListAfterAsync(long sequence, int max, CancellationToken ct = default)
    {
        if (max < 1)
            return new FeedPage([], sequence);
        var entries = await _feed.Find(Queries.FeedAfter(sequence)).Sort(Queries.FeedOrder()).Limit(max).ToListAsync(ct);
        if (entries.Count == 0)
            return new FeedPage([], sequence);

        var comments = await ReadAsync(_comments, null, entries.Where(e => e.Kind is TextKind.Comment or TextKind.Reply).Select(e => e.TargetId), Queries.Comments, x => x.Id, ct);
        var ratings = await ReadAsync(_ratings, null, entries.Where(e => e.Kind == TextKind.RatingComment).Select(e => e.TargetId), Queries.Ratings, x => x.Id, ct);
        var responses = await ReadAsync(_responses, null, entries.Where(e => e.Kind == TextKind.SurveyAnswer).Select(e => ResponseId(e.TargetId)), Queries.Responses, x => x.Id, ct);
        return new FeedPage(StillPublic(entries, comments, ratings, responses), entries[^1].Id);
    }

    public Task SaveTagsAsync(IReadOnlyList<(TextKind Kind, string TargetId, SentimentTag Tag)> tags, long checkpoint, CancellationToken ct = default) =>
        db.InTransactionAsync(async (s, c) =>
        {
            // The records are read in the transaction's snapshot and written back in it: a concurrent change to one of
            // them (a moderator hiding a comment) is a write conflict, and the driver runs the whole batch again over the
            // winner's result, so a tag never overwrites a change it did not see.
            var comments = await ReadAsync(_comments, s, tags.Where(t => t.Kind is TextKind.Comment or TextKind.Reply).Select(t => t.TargetId), Queries.Comments, x => x.Id, c);
            var ratings = await ReadAsync(_ratings, s, tags.Where(t => t.Kind == TextKind.RatingComment).Select(t => t.TargetId), Queries.Ratings, x => x.Id, c);
            var responses = await ReadAsync(_responses, s, tags.Where(t => t.Kind == TextKind.SurveyAnswer).Select(t => ResponseId(t.TargetId)), Queries.Responses, x => x.Id, c);

            var writes = TagWrites.Plan(tags, checkpoint, comments, ratings, responses);
            await WriteAsync(_comments, s, writes.Comments, c);
            await WriteAsync(_ratings, s, writes.Ratings, c);
            await WriteAsync(_responses, s, writes.Responses, c);
            await WriteAsync(_texts, s, writes.Texts, c);
            await TallyWrites.ApplyAsync(db, s, writes.Tallies, c);
            await _checkpoints.FindOneAndUpdateAsync(s, Queries.Checkpoint(Checkpoint), Queries.MoveCheckpoint(checkpoint),
                new FindOneAndUpdateOptions<SentimentCheckpointDocument> { IsUpsert = true }, c);
            return true;
        }, ct);

    public async Task<long> GetCheckpointAsync(CancellationToken ct = default) =>
        (await _checkpoints.Find(Queries.Checkpoint(Checkpoint)).FirstOrDefaultAsync(ct))?.Value ?? 0L;

    /// <summary>The feed entries whose text is still public, with it and its organisation, from the records as read.</summary>
    internal static IReadOnlyList<TextToTag> StillPublic(
        IEnumerable<FeedEntryDocument> entries, IReadOnlyDictionary<string, Comment> comments, IReadOnlyDictionary<string, ServiceRating> ratings,
        IReadOnlyDictionary<string, SurveyResponse> responses)
    {
        var texts = new List<TextToTag>();
        foreach (var entry in entries)
        {
            (string Organisation, string Text)? found = entry.Kind switch
            {
                TextKind.Comment or TextKind.Reply when comments.TryGetValue(entry.TargetId, out var comment) && comment.Status == CommentStatus.Published =>
                    (comment.OrganisationId, comment.Text),
                TextKind.RatingComment when ratings.TryGetValue(entry.TargetId, out var rating) && rating is { CommentStatus: CommentStatus.Published, Comment: { } text } =>
                    (rating.OrganisationId, text),
                TextKind.SurveyAnswer when responses.TryGetValue(ResponseId(entry.TargetId), out var response)
                    && response.Answers.TryGetValue(QuestionId(entry.TargetId), out var answer) && answer.Text is { } said =>
                    (response.OrganisationId, said),
                _ => null,
            };
            if (found is { } f)
                texts.Add(new TextToTag(entry.Id, entry.Kind, entry.TargetId, f.Organisation, f.Text));
        }
        return texts;
    }

    private static async Task<Dictionary<string, T>> ReadAsync<T>(
        IMongoCollection<T> collection, IClientSessionHandle? session, IEnumerable<string> ids, Func<IEnumerable<string>, FilterDefinition<T>> filter,
        Func<T, string> idOf, CancellationToken ct)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
            return new Dictionary<string, T>(StringComparer.Ordinal);
        var found = session is null
            ? await collection.Find(filter(distinct)).ToListAsync(ct)
            : await collection.Find(session, filter(distinct)).ToListAsync(ct);
        return found.ToDictionary(idOf, StringComparer.Ordinal);
    }

    private static async Task WriteAsync<T>(IMongoCollection<T> collection, IClientSessionHandle session, List<WriteModel<T>> writes, CancellationToken ct)
    {
        if (writes.Count > 0)
            await collection.BulkWriteAsync(session, writes, new BulkWriteOptions { IsOrdered = true }, ct);
    }

    /// <summary>
    /// What one batch of tags writes, worked out from the records as the transaction read them: the tags into their
    /// records, the texts for insights, and the tallies moved by each text's change of label.
    /// </summary>
    internal sealed class TagWrites
    {
        public TallyDelta Tallies { get; } = new();
        public List<WriteModel<Comment>> Comments { get; } = [];
        public List<WriteModel<ServiceRating>> Ratings { get; } = [];
        public List<WriteModel<SurveyResponse>> Responses { get; } = [];
        public List<WriteModel<InsightTextDocument>> Texts { get; } = [];

        /// <summary>
        /// Plans the batch in order. Each record is replaced in its dictionary as it is tagged, so a text's previous label is
        /// its label as this batch left it: a text tagged twice in one batch (or again in a later one) moves its tallies from
        /// the label it had rather than adding to them. Unknown records, a rating without a comment and a question the
        /// response does not answer with a text are left out.
        /// </summary>
        public static TagWrites Plan(
            IEnumerable<(TextKind Kind, string TargetId, SentimentTag Tag)> tags, long checkpoint,
            Dictionary<string, Comment> comments, Dictionary<string, ServiceRating> ratings, Dictionary<string, SurveyResponse> responses)
        {
            var writes = new TagWrites();
            foreach (var (kind, targetId, tag) in tags)
            {
                switch (kind)
                {
                    case TextKind.Comment or TextKind.Reply when comments.TryGetValue(targetId, out var comment):
                    {
                        var scope = TallyScopes.Consultation(comment.ConsultationId);
                        writes.Tallies.Merge(SentimentTallies.ForTag(
                            [scope, TallyScopes.ConsultationDay(comment.ConsultationId, TallyScopes.DayOf(comment.CreatedAt))], comment.Sentiment?.Label, tag.Label));
                        comments[targetId] = comment with { Sentiment = tag };
                        writes.Comments.Add(Queries.TagComment(targetId, tag));
                        writes.Texts.Add(Queries.KeepText(kind, targetId, comment.OrganisationId, scope, tag, comment.CreatedAt, checkpoint, comment.Text));
                        break;
                    }
                    case TextKind.RatingComment when ratings.TryGetValue(targetId, out var rating) && rating.Comment is { } text:
                    {
                        var scope = TallyScopes.Service(rating.ServiceId);
                        writes.Tallies.Merge(SentimentTallies.ForTag(
                            [scope, TallyScopes.ServiceDay(rating.ServiceId, TallyScopes.DayOf(rating.CreatedAt))], rating.CommentSentiment?.Label, tag.Label));
                        ratings[targetId] = rating with { CommentSentiment = tag };
                        writes.Ratings.Add(Queries.TagRating(targetId, tag));
                        writes.Texts.Add(Queries.KeepText(kind, targetId, rating.OrganisationId, scope, tag, rating.CreatedAt, checkpoint, text));
                        break;
                    }
                    case TextKind.SurveyAnswer
                        when responses.TryGetValue(ResponseId(targetId), out var response)
                        && response.Answers.TryGetValue(QuestionId(targetId), out var answer) && answer.Text is { } said:
                    {
                        // The map of tags is written whole, as read plus this one: question ids stay values of its { k, v } entries.
                        var question = QuestionId(targetId);
                        var scope = TallyScopes.Survey(response.SurveyId);
                        writes.Tallies.Merge(SentimentTallies.ForTag(
                            [scope, TallyScopes.SurveyDay(response.SurveyId, TallyScopes.DayOf(response.SubmittedAt))],
                            response.Sentiments.TryGetValue(question, out var was) ? was.Label : null, tag.Label));
                        var sentiments = new Dictionary<string, SentimentTag>(response.Sentiments, StringComparer.Ordinal) { [question] = tag };
                        responses[response.Id] = response with { Sentiments = sentiments };
                        writes.Responses.Add(Queries.TagAnswers(response.Id, sentiments));
                        writes.Texts.Add(Queries.KeepText(kind, targetId, response.OrganisationId, scope, tag, response.SubmittedAt, checkpoint, said));
                        break;
                    }
                }
            }
            return writes;
        }
    }

    private static string ResponseId(string answerId) => answerId[..Math.Max(0, answerId.IndexOf('/', StringComparison.Ordinal))];

    private static string QuestionId(string answerId) => answerId[(answerId.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>Every filter, sort, update and write model this feed sends; the offline tests render each.</summary>
    internal static class Queries
    {
        public static FilterDefinition<FeedEntryDocument> FeedAfter(long sequence) => Builders<FeedEntryDocument>.Filter.Gt(x => x.Id, sequence);

        public static SortDefinition<FeedEntryDocument> FeedOrder() => Builders<FeedEntryDocument>.Sort.Ascending(x => x.Id);

        public static FilterDefinition<Comment> Comments(IEnumerable<string> ids) => Builders<Comment>.Filter.In(x => x.Id, ids);

        public static FilterDefinition<ServiceRating> Ratings(IEnumerable<string> ids) => Builders<ServiceRating>.Filter.In(x => x.Id, ids);

        public static FilterDefinition<SurveyResponse> Responses(IEnumerable<string> ids) => Builders<SurveyResponse>.Filter.In(x => x.Id, ids);

        public static UpdateOneModel<Comment> TagComment(string commentId, SentimentTag tag) =>
            new(Builders<Comment>.Filter.Eq(x => x.Id, commentId), Builders<Comment>.Update.Set(x => x.Sentiment, tag));

        public static UpdateOneModel<ServiceRating> TagRating(string ratingId, SentimentTag tag) =>
            new(Builders<ServiceRating>.Filter.Eq(x => x.Id, ratingId), Builders<ServiceRating>.Update.Set(x => x.CommentSentiment, tag));

        /// <summary>The response's whole map of tags: question ids are data, stored as values of its { k, v } entries.</summary>
        public static UpdateOneModel<SurveyResponse> TagAnswers(string responseId, IReadOnlyDictionary<string, SentimentTag> sentiments) =>
            new(Builders<SurveyResponse>.Filter.Eq(x => x.Id, responseId), Builders<SurveyResponse>.Update.Set(x => x.Sentiments, sentiments));

        /// <summary>
        /// The text as insights read it, created with where it lives and when it was written; tagged again, its words,
        /// language, label and change mark are replaced.
        /// </summary>
        public static UpdateOneModel<InsightTextDocument> KeepText(
            TextKind kind, string targetId, string organisationId, string scope, SentimentTag tag, DateTimeOffset at, long changed, string text) =>
            new(Builders<InsightTextDocument>.Filter.Eq(x => x.Id, $"{kind}:{targetId}"),
                Builders<InsightTextDocument>.Update
                    .Set(x => x.Language, tag.Language)
                    .Set(x => x.Label, tag.Label)
                    .Set(x => x.Changed, changed)
                    .Set(x => x.Text, text)
                    .SetOnInsert(x => x.Kind, kind)
                    .SetOnInsert(x => x.TargetId, targetId)
                    .SetOnInsert(x => x.OrganisationId, organisationId)
                    .SetOnInsert(x => x.Scope, scope)
                    .SetOnInsert(x => x.At, at.ToUniversalTime()))
            {
                IsUpsert = true,
            };

        public static FilterDefinition<SentimentCheckpointDocument> Checkpoint(string name) => Builders<SentimentCheckpointDocument>.Filter.Eq(x => x.Id, name);

        public static UpdateDefinition<SentimentCheckpointDocument> MoveCheckpoint(long value) => Builders<SentimentCheckpointDocument>.Update.Set(x => x.Value, value);
    }
}
