using Engagement.Core.Common;
using Engagement.Core.Surveys;

namespace Engagement.Storage.Sqlite;

/// <summary>Survey responses in SQLite: one per participant per survey by constraint, tallied in the same transaction.</summary>
public sealed class SqliteSurveyResponseStore(SqliteDatabase db) : ISurveyResponseStore
{
    public Task<bool> TryAddAsync(SurveyResponse response, Core.FollowUps.FollowUp? followUp = null, CancellationToken ct = default)
    {
        var wish = SqliteFollowUpStore.Row.Of(followUp);
        return db.TryWriteAsync(tx =>
        {
            tx.Command("""
                INSERT INTO survey_responses (id, survey_id, participant_id, submitted_ticks, doc)
                VALUES (@id, @survey_id, @participant_id, @submitted_ticks, @doc)
                """)
                .With("@id", response.Id)
                .With("@survey_id", response.SurveyId)
                .With("@participant_id", response.ParticipantId)
                .With("@submitted_ticks", response.SubmittedAt.Ticks())
                .With("@doc", StorageJson.Serialize(response))
                .Run();
            tx.Apply(SurveyTallies.ForResponse(response));
            foreach (var (questionId, answer) in response.Answers)
            {
                if (answer.Text is not null)
                    TextFeed.Append(tx, Core.Screening.TextKind.SurveyAnswer, TextFeed.SurveyAnswerId(response.Id, questionId));
            }
            SqliteFollowUpStore.Append(tx, wish);
            return true;
        }, ct);
    }

    public Task<SurveyResponse?> GetByParticipantAsync(string surveyId, string participantId, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM survey_responses WHERE survey_id = @survey_id AND participant_id = @participant_id")
            .With("@survey_id", surveyId).With("@participant_id", participantId).ReadDoc<SurveyResponse>(), ct);

    public Task<Page<SurveyResponse>> ListAsync(string surveyId, PageRequest page, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("""
                SELECT doc FROM survey_responses
                WHERE survey_id = @survey_id AND (submitted_ticks, id) > (@after_ticks, @after_id)
                ORDER BY submitted_ticks, id LIMIT @take
                """)
            .With("@survey_id", surveyId)
            .WithPage(page)
            .ReadDocs<SurveyResponse>()
            .ToPage(page, x => PageCursor.Of(x.SubmittedAt, x.Id)), ct);
}
