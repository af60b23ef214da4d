using Engagement.Core.Common;
using Engagement.Core.Surveys;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// Survey responses in MongoDB: a unique index keeps one per participant per survey, and each response moves its tallies
/// and feeds its text answers in the same transaction.
/// </summary>
public sealed class MongoSurveyResponseStore(MongoStorage db) : ISurveyResponseStore
{
    private const string Submitted = "submittedAt";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        // The rule (one response per participant per survey) and the participant's look-up.
        new(MongoSchema.Collections.SurveyResponses, "survey_participant", new BsonDocument { { "surveyId", 1 }, { "participantId", 1 } }) { Unique = true },
        new(MongoSchema.Collections.SurveyResponses, "survey_submitted", MongoPaging.Keys(Submitted, "surveyId")),
    ];

    private readonly IMongoCollection<SurveyResponse> _responses = db.Collection<SurveyResponse>(MongoSchema.Collections.SurveyResponses);

    public Task<bool> TryAddAsync(SurveyResponse response, Core.FollowUps.FollowUp? followUp = null, CancellationToken ct = default) =>
        // A second response from the participant (or a taken id) is a duplicate key: the transaction, tallies and all, rolls back.
        db.TryInTransactionAsync(async (s, c) =>
        {
            await _responses.InsertOneAsync(s, response, cancellationToken: c);
            await TallyWrites.ApplyAsync(db, s, SurveyTallies.ForResponse(response), c);
            foreach (var (questionId, answer) in response.Answers)
            {
                if (answer.Text is not null)
                    await TextFeed.AppendAsync(db, s, Core.Screening.TextKind.SurveyAnswer, TextFeed.SurveyAnswerId(response.Id, questionId), c);
            }
            await FollowUpWrites.AppendAsync(db, s, followUp, c);
            return true;
        }, ct);

    public async Task<SurveyResponse?> GetByParticipantAsync(string surveyId, string participantId, CancellationToken ct = default) =>
        await _responses.Find(Queries.ByParticipant(surveyId, participantId)).FirstOrDefaultAsync(ct);

    public async Task<Page<SurveyResponse>> ListAsync(string surveyId, PageRequest page, CancellationToken ct = default)
    {
        var rows = await _responses.Find(Queries.OfSurvey(surveyId, page)).Sort(Queries.Oldest()).Limit(MongoPaging.Take(page)).ToListAsync(ct);
        return MongoPaging.ToPage(rows, page, x => PageCursor.Of(x.SubmittedAt, x.Id));
    }

    /// <summary>Every filter and sort this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<SurveyResponse> F = Builders<SurveyResponse>.Filter;

        public static FilterDefinition<SurveyResponse> ByParticipant(string surveyId, string participantId) =>
            F.Eq(x => x.SurveyId, surveyId) & F.Eq(x => x.ParticipantId, participantId);

        /// <summary>The survey's responses after the page's cursor.</summary>
        public static FilterDefinition<SurveyResponse> OfSurvey(string surveyId, PageRequest page) =>
            F.Eq(x => x.SurveyId, surveyId) & MongoPaging.After<SurveyResponse>(Submitted, page);

        public static SortDefinition<SurveyResponse> Oldest() => MongoPaging.Oldest<SurveyResponse>(Submitted);
    }
}
