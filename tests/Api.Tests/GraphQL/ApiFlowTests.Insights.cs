using Engagement.Api.Tests.Hosting;
using Engagement.Core.Staff;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>The sentiment of one text through the API, and the abuse model feeding moderation in the running host.</summary>
public sealed partial class ApiFlowTests
{
    private const string Sentiment = "query($text: String!) { sentiment(text: $text) { label probability negative neutral positive language note } }";

    [Fact]
    public async Task Sentiment_reads_a_text_for_an_analyst_and_says_when_it_was_truncated()
    {
        var analyst = await _app.SignedInAsStaffAsync((await _app.CreateOrganisationAsync()).Id, Role.Analyst);

        var plain = (await analyst.QueryAsync(Sentiment, new { text = "Le personnel était très aimable et tout a été réglé en dix minutes." })).AssertOk().At("sentiment");
        var longText = (await analyst.QueryAsync(Sentiment, new { text = string.Concat(Enumerable.Repeat("Nobody answers the phone, ever. ", 2_000)) })).AssertOk().At("sentiment");

        Assert.Equal(("POSITIVE", "fr", "NONE"), (plain.GetProperty("label").GetString(), plain.GetProperty("language").GetString(), plain.GetProperty("note").GetString()));
        Assert.True(plain.GetProperty("probability").GetDouble() > 0.5);
        Assert.Equal(("NEGATIVE", "TRUNCATED"), (longText.GetProperty("label").GetString(), longText.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task Sentiment_refuses_a_text_over_100_000_characters_with_a_validation_error()
    {
        var analyst = await _app.SignedInAsStaffAsync((await _app.CreateOrganisationAsync()).Id, Role.Analyst);

        var response = await analyst.QueryAsync(Sentiment, new { text = new string('a', 100_001) });

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
    }

    [Fact]
    public async Task An_insulting_comment_is_held_for_a_moderator_with_the_abuse_models_reason()
    {
        var citizen = _app.Anonymous();
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var moderator = await _app.SignedInAsStaffAsync(org.Id, Role.Moderator);

        var posted = (await citizen.QueryAsync(PostComment, Comment(consultation.Id, await RegisterParticipantAsync(citizen),
            "The planners who drew this are brainless idiots and you should all be ashamed, you incompetent morons."))).AssertOk().At("postComment");

        Assert.Equal("HELD", posted.GetProperty("status").GetString());
        var queue = (await moderator.QueryAsync("query($org: ID!) { moderationQueue(organisationId: $org) { targetId reasons { code } } }", new { org = org.Id }))
            .AssertOk().At("moderationQueue");
        var item = queue.EnumerateArray().Single(i => i.GetProperty("targetId").GetString() == posted.GetProperty("id").GetString());
        Assert.Contains(item.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "abuse.model");
    }

    [Fact]
    public async Task ServiceInsights_gives_ratings_and_sentiment_per_week_and_refuses_a_reversed_range()
    {
        var org = await _app.CreateOrganisationAsync();
        var service = await _app.CreateServiceAsync(org.Id);
        var analyst = await _app.SignedInAsStaffAsync(org.Id, Role.Analyst);
        foreach (var score in new[] { 5, 4, 2 })
            await _app.Get<Engagement.Core.Ratings.SubmitRating>().ExecuteAsync(new(service.Id, score, "en"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        const string Query = """
            query($id: ID!, $from: DateOnly, $to: DateOnly) {
              serviceInsights(serviceId: $id, from: $from, to: $to, granularity: WEEK) {
                from to overall { count csat } overallSentiment { negative }
                periods { start end ratings { count average csat csatLow csatHigh } sentiment { negative neutral positive negativeShare } }
              }
            }
            """;

        var insights = (await analyst.QueryAsync(Query, new { id = service.Id, from = today, to = today })).AssertOk().At("serviceInsights");
        var reversed = await analyst.QueryAsync(Query, new { id = service.Id, from = today, to = "2020-01-01" });

        Assert.Equal(3, insights.GetProperty("overall").GetProperty("count").GetInt32());
        var period = insights.GetProperty("periods").EnumerateArray().Single();
        Assert.Equal((today, today, 3), (period.GetProperty("start").GetString(), period.GetProperty("end").GetString(), period.GetProperty("ratings").GetProperty("count").GetInt32()));
        Assert.Equal(2.0 / 3, period.GetProperty("ratings").GetProperty("csat").GetDouble(), 6);
        Assert.Equal(["VALIDATION"], reversed.ErrorCodes);
    }
}
