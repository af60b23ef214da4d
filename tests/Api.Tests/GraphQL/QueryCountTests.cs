using Engagement.Api.Tests.Hosting;
using Engagement.Core.Comments;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>No N+1: a page costs the same bounded number of store calls whatever the number of items on it.</summary>
public sealed class QueryCountTests : IDisposable
{
    private const string ConsultationPage = """
        query($id: ID!, $first: Int, $token: String) {
          consultation(id: $id) {
            title { text } summary { text } body { text } status acceptingContributions
            commentCounts { comments replies }
            comments(first: $first, participantToken: $token) {
              nodes { id text language createdAt agreeCount disagreeCount myReaction
                      replies { id text createdAt agreeCount disagreeCount } }
              pageInfo { endCursor hasNextPage }
            }
            surveys { id title { text } results { responses } }
          }
        }
        """;

    private readonly StoreCallCounter _counter = new();
    private readonly EngagementAppFactory _app;

    public QueryCountTests() => _app = new EngagementAppFactory().WithSetting("Seed:DemoData", "false").WithServices(_counter.Install);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_consultation_page_with_50_comments_their_replies_and_4_surveys_costs_what_a_page_of_5_comments_and_1_survey_costs()
    {
        var org = await _app.CreateOrganisationAsync();
        var small = await ConsultationWithCommentsAsync(org.Id, comments: 5);
        var large = await ConsultationWithCommentsAsync(org.Id, comments: 50);
        await _app.CreateOpenSurveyAsync(org.Id, small);
        for (var i = 0; i < 4; i++)
            await _app.CreateOpenSurveyAsync(org.Id, large);

        var smallCalls = await CountCallsAsync(small);
        var largeCalls = await CountCallsAsync(large);

        Assert.Equal(smallCalls.Count, largeCalls.Count);
        Assert.True(largeCalls.Count <= 10, $"The page made {largeCalls.Count} store calls: {string.Join(", ", largeCalls)}");
    }

    [Fact]
    public async Task Rating_summaries_of_every_service_of_an_organisation_cost_one_tally_query()
    {
        var org = await _app.CreateOrganisationAsync();
        for (var i = 0; i < 12; i++)
            await _app.CreateServiceAsync(org.Id);
        _counter.Reset();

        (await _app.Anonymous().QueryAsync("query($id: ID!) { organisation(id: $id) { services { ratingSummary { count average } } } }", new { id = org.Id })).AssertOk();

        Assert.Equal(1, _counter.Calls.Count(c => c.StartsWith("ITallyStore", StringComparison.Ordinal)));
        Assert.Equal(3, _counter.Calls.Count);
    }

    private async Task<IReadOnlyList<string>> CountCallsAsync(string consultationId)
    {
        var participantToken = await _app.RegisterParticipantAsync();
        _counter.Reset();
        (await _app.Anonymous().QueryAsync(ConsultationPage, new { id = consultationId, first = 50, token = participantToken })).AssertOk();
        return _counter.Calls;
    }

    private async Task<string> ConsultationWithCommentsAsync(string organisationId, int comments)
    {
        var consultation = await _app.CreateOpenConsultationAsync(organisationId);
        var participant = (await _app.Get<Core.Participants.RegisterAnonymousParticipant>().ExecuteAsync()).Value.Participant.Id;
        for (var i = 0; i < comments; i++)
        {
            var top = (await _app.Get<PostComment>().ExecuteAsync(new(consultation.Id, participant, $"Comment {i}", "en"))).Value;
            await _app.Get<PostComment>().ExecuteAsync(new(consultation.Id, participant, $"Reply {i}a", "fr", top.Id));
            await _app.Get<PostComment>().ExecuteAsync(new(consultation.Id, participant, $"Reply {i}b", "en", top.Id));
            await _app.Get<ReactToComment>().ExecuteAsync(new(top.Id, participant, i % 2 == 0 ? Reaction.Agree : Reaction.Disagree));
        }
        return consultation.Id;
    }
}
