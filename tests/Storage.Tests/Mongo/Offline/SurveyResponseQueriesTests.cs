using Engagement.Core.Common;
using Engagement.Core.Surveys;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the survey response store sends, rendered and compared with the checked-in JSON; answers and question ids stay data.</summary>
public sealed class SurveyResponseQueriesTests
{
    [Fact]
    public void Renders_every_survey_response_query()
    {
        Approved.Matches("MongoSurveyResponseStore/ByParticipant", Rendered.Of(MongoSurveyResponseStore.Queries.ByParticipant("srv-1", "p-1")));
        Approved.Matches("MongoSurveyResponseStore/OfSurvey.first", Rendered.Of(MongoSurveyResponseStore.Queries.OfSurvey("srv-1", PageRequest.First(20))));
        Approved.Matches("MongoSurveyResponseStore/OfSurvey.next", Rendered.Of(MongoSurveyResponseStore.Queries.OfSurvey("srv-1", new PageRequest(new PageCursor(Make.T0, "r-41"), 20))));
        Approved.Matches("MongoSurveyResponseStore/Oldest", Rendered.Of(MongoSurveyResponseStore.Queries.Oldest()));
        Approved.Matches("MongoSurveyResponseStore/Response.document", Rendered.Document(Samples.Response()));
    }

    [Theory]
    [MemberData(nameof(Hostile.Texts), MemberType = typeof(Hostile))]
    public void Operator_text_in_answers_and_question_ids_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var response = Samples.Response() with
        {
            ParticipantId = hostile,
            Answers = new Dictionary<string, Answer> { [hostile] = Answer.OfText(hostile), ["colour"] = Answer.Choice(hostile) },
            Sentiments = new Dictionary<string, Core.Insights.SentimentTag>(),
        };

        var stored = Rendered.Document(response);
        var byParticipant = Rendered.Of(MongoSurveyResponseStore.Queries.ByParticipant(hostile, hostile));

        var answer = Assert.Single(stored["answers"].AsBsonArray, a => a["k"].AsString == hostile);
        Assert.Equal(hostile, answer["v"]["text"].AsString);
        Assert.Equal(hostile, stored["answers"].AsBsonArray.Single(a => a["k"].AsString == "colour")["v"]["choices"][0].AsString);
        Assert.Equal(hostile, stored["participantId"].AsString);
        Assert.Equal(hostile, byParticipant["surveyId"].AsString);
        Assert.Equal(hostile, byParticipant["participantId"].AsString);
        Hostile.NoFieldNameFromData(stored);
    }
}
