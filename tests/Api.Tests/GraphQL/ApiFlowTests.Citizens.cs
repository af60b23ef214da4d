using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Surveys;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>What citizens do: take part anonymously, comment, react, answer surveys and rate services; and read what is public.</summary>
public sealed partial class ApiFlowTests
{
    private const string PostComment = """
        mutation($input: PostCommentInput!) {
          postComment(input: $input) { id consultationId parentId text language status agreeCount disagreeCount myReaction replies { id } createdAt }
        }
        """;

    private const string React = "mutation($input: ReactInput!) { react(input: $input) { commentId reaction agreeCount disagreeCount } }";

    private const string Thread = """
        query($id: ID!, $first: Int, $after: String, $token: String) {
          consultation(id: $id) {
            commentCounts { comments replies }
            comments(first: $first, after: $after, participantToken: $token) {
              nodes { id parentId text agreeCount disagreeCount myReaction replies { id parentId text agreeCount myReaction replies { id } } }
              pageInfo { endCursor hasNextPage }
            }
          }
        }
        """;

    private static object Comment(string consultationId, string token, string text, string? parentId = null, string language = "en") =>
        new { input = new { consultationId, participantToken = token, text, language, parentId } };

    [Fact]
    public async Task RegisterParticipant_gives_a_token_that_posts_a_comment_and_a_reply_but_not_a_reply_to_a_reply()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var citizen = _app.Anonymous();
        var token = await RegisterParticipantAsync(citizen);
        var other = await RegisterParticipantAsync(citizen);

        var comment = (await citizen.QueryAsync(PostComment, Comment(consultation.Id, token, "Wider lanes, please."))).AssertOk().At("postComment");
        var reply = (await citizen.QueryAsync(PostComment, Comment(consultation.Id, other, "Plutôt d'accord.", comment.GetProperty("id").GetString(), "fr")))
            .AssertOk().At("postComment");
        var replyToReply = await citizen.QueryAsync(PostComment, Comment(consultation.Id, token, "And again.", reply.GetProperty("id").GetString()));
        var thread = (await citizen.QueryAsync(Thread, new { id = consultation.Id })).AssertOk().At("consultation");

        Assert.NotEqual(token, other);
        Assert.Equal(43, token.Length);
        Assert.Equal(JsonValueKind.Null, comment.GetProperty("parentId").ValueKind);
        Assert.Equal("PUBLISHED", comment.GetProperty("status").GetString());
        Assert.Equal("Wider lanes, please.", comment.GetProperty("text").GetString());
        Assert.Equal(consultation.Id, comment.GetProperty("consultationId").GetString());
        Assert.Equal(comment.GetProperty("id").GetString(), reply.GetProperty("parentId").GetString());
        Assert.Equal("fr", reply.GetProperty("language").GetString());
        AssertError(replyToReply, "CONFLICT", "parentId", "INVALID_STATE");
        Assert.Equal(JsonValueKind.Null, replyToReply.At("postComment").ValueKind);
        Assert.Equal(1, thread.GetProperty("commentCounts").GetProperty("comments").GetInt32());
        Assert.Equal(1, thread.GetProperty("commentCounts").GetProperty("replies").GetInt32());
        var node = Assert.Single(thread.GetProperty("comments").GetProperty("nodes").EnumerateArray());
        Assert.Equal([reply.GetProperty("id").GetString()!], Ids(node.GetProperty("replies")));
    }

    [Fact]
    public async Task PostComment_is_refused_with_the_field_named_for_a_bad_token_bad_text_or_a_closed_consultation()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var closed = await _app.CreateClosedConsultationAsync(org.Id);
        var citizen = _app.Anonymous();
        var token = await RegisterParticipantAsync(citizen);

        AssertError(await citizen.QueryAsync(PostComment, Comment(consultation.Id, "not-a-token", "Hello")), "VALIDATION", "participantToken", "INVALID_FORMAT");
        AssertError(await citizen.QueryAsync(PostComment, Comment(consultation.Id, new string('a', 43), "Hello")), "NOT_FOUND", "participantToken", "NOT_FOUND");
        AssertError(await citizen.QueryAsync(PostComment, Comment(consultation.Id, token, "")), "VALIDATION", "text", "REQUIRED");
        AssertError(await citizen.QueryAsync(PostComment, Comment(consultation.Id, token, "Hello", language: "de")), "VALIDATION", "language", "UNSUPPORTED_LANGUAGE");
        AssertError(await citizen.QueryAsync(PostComment, Comment("missing", token, "Hello")), "NOT_FOUND", "consultationId", "NOT_FOUND");
        AssertError(await citizen.QueryAsync(PostComment, Comment(closed.Id, token, "Hello")), "CONFLICT", "consultationId", "INVALID_STATE");
        AssertError(await citizen.QueryAsync(PostComment, Comment(consultation.Id, token, "Hello", parentId: "missing")), "NOT_FOUND", "parentId", "NOT_FOUND");

        var counts = (await citizen.QueryAsync(Thread, new { id = consultation.Id })).AssertOk().At("consultation.commentCounts");
        Assert.Equal(0, counts.GetProperty("comments").GetInt32() + counts.GetProperty("replies").GetInt32());
    }

    [Fact]
    public async Task PostComment_is_forbidden_to_an_anonymous_participant_where_a_verified_email_is_required()
    {
        var org = await _app.CreateOrganisationAsync();
        var draft = (await _app.Get<CreateConsultation>().ExecuteAsync(new(org.Id, $"v-{Guid.NewGuid():N}"[..20], LocalizedText.EnFr("Verified", "Vérifié"),
            LocalizedText.EnFr("S", "S"), LocalizedText.EnFr("B", "B"), IdentityPolicy.VerifiedEmailRequired), Actor.System)).Value;
        await _app.Get<OpenConsultation>().ExecuteAsync(new(draft.Id), Actor.System);
        var citizen = _app.Anonymous();

        var response = await citizen.QueryAsync(PostComment, Comment(draft.Id, await RegisterParticipantAsync(citizen), "Hello"));

        AssertError(response, "FORBIDDEN", "participantId", "FORBIDDEN");
        Assert.Equal(JsonValueKind.Null, response.At("postComment").ValueKind);
    }

    [Fact]
    public async Task React_agree_then_disagree_then_withdraw_moves_the_counts_and_myReaction_each_time()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var citizen = _app.Anonymous();
        var author = await RegisterParticipantAsync(citizen);
        var reader = await RegisterParticipantAsync(citizen);
        var neighbour = await RegisterParticipantAsync(citizen);
        var commentId = (await citizen.QueryAsync(PostComment, Comment(consultation.Id, author, "Close the road on Sundays."))).AssertOk()
            .At("postComment.id").GetString()!;
        (await citizen.QueryAsync(React, new { input = new { commentId, participantToken = neighbour, reaction = "AGREE" } })).AssertOk();

        async Task<(string? Reaction, int Agree, int Disagree, string? Mine, int ListedAgree)> ReactAsync(string? reaction)
        {
            var result = (await citizen.QueryAsync(React, new { input = new { commentId, participantToken = reader, reaction } })).AssertOk().At("react");
            var listed = (await citizen.QueryAsync(Thread, new { id = consultation.Id, token = reader })).AssertOk().At("consultation.comments.nodes")[0];
            Assert.Equal(commentId, result.GetProperty("commentId").GetString());
            return (result.GetProperty("reaction").GetString(), result.GetProperty("agreeCount").GetInt32(), result.GetProperty("disagreeCount").GetInt32(),
                listed.GetProperty("myReaction").GetString(), listed.GetProperty("agreeCount").GetInt32());
        }

        Assert.Equal(("AGREE", 2, 0, "AGREE", 2), await ReactAsync("AGREE"));
        Assert.Equal(("DISAGREE", 1, 1, "DISAGREE", 1), await ReactAsync("DISAGREE"));
        Assert.Equal(((string?)null, 1, 0, (string?)null, 1), await ReactAsync(null));
        AssertError(await citizen.QueryAsync(React, new { input = new { commentId = "missing", participantToken = reader, reaction = "AGREE" } }),
            "NOT_FOUND", "commentId", "NOT_FOUND");
    }

    [Fact]
    public async Task Comments_page_with_first_and_after_through_every_comment_once_with_replies_and_my_reaction_embedded()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var citizen = _app.Anonymous();
        var viewer = await RegisterParticipantAsync(citizen);
        var posted = new List<string>();
        for (var i = 1; i <= 5; i++)
            posted.Add((await citizen.QueryAsync(PostComment, Comment(consultation.Id, await RegisterParticipantAsync(citizen), $"Comment {i}"))).AssertOk().At("postComment.id").GetString()!);
        var replies = new List<string>();
        // Each text from its own author: screening holds a participant posting faster than a person types.
        foreach (var parent in new[] { posted[0], posted[0], posted[3] })
            replies.Add((await citizen.QueryAsync(PostComment, Comment(consultation.Id, await RegisterParticipantAsync(citizen), "A reply", parent))).AssertOk().At("postComment.id").GetString()!);
        (await citizen.QueryAsync(React, new { input = new { commentId = posted[1], participantToken = viewer, reaction = "DISAGREE" } })).AssertOk();
        (await citizen.QueryAsync(React, new { input = new { commentId = replies[2], participantToken = viewer, reaction = "AGREE" } })).AssertOk();

        var pages = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = (await citizen.QueryAsync(Thread, new { id = consultation.Id, first = 2, after, token = viewer })).AssertOk().At("consultation");
            pages.Add(page);
            after = page.GetProperty("comments").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? page.GetProperty("comments").GetProperty("pageInfo").GetProperty("endCursor").GetString()
                : null;
        }
        while (after is not null && pages.Count < 10);
        var nodes = pages.SelectMany(p => p.GetProperty("comments").GetProperty("nodes").EnumerateArray()).ToList();
        var anonymous = (await _app.Anonymous().QueryAsync(Thread, new { id = consultation.Id, first = 5 })).AssertOk().At("consultation.comments.nodes");

        Assert.Equal([2, 2, 1], pages.Select(p => p.GetProperty("comments").GetProperty("nodes").GetArrayLength()));
        Assert.Equal(posted, nodes.Select(n => n.GetProperty("id").GetString()));
        Assert.Equal([replies[0], replies[1]], Ids(nodes[0].GetProperty("replies")));
        Assert.Equal([replies[2]], Ids(nodes[3].GetProperty("replies")));
        Assert.Empty(nodes[1].GetProperty("replies").EnumerateArray());
        Assert.Equal(posted[3], nodes[3].GetProperty("replies")[0].GetProperty("parentId").GetString());
        Assert.Equal("DISAGREE", nodes[1].GetProperty("myReaction").GetString());
        Assert.Equal(1, nodes[1].GetProperty("disagreeCount").GetInt32());
        Assert.Equal("AGREE", nodes[3].GetProperty("replies")[0].GetProperty("myReaction").GetString());
        Assert.Equal(1, nodes[3].GetProperty("replies")[0].GetProperty("agreeCount").GetInt32());
        Assert.All(nodes.Where((_, i) => i != 1), n => Assert.Equal(JsonValueKind.Null, n.GetProperty("myReaction").ValueKind));
        Assert.All(anonymous.EnumerateArray(), n => Assert.Equal(JsonValueKind.Null, n.GetProperty("myReaction").ValueKind));
        Assert.All(pages, p => Assert.Equal(5, p.GetProperty("commentCounts").GetProperty("comments").GetInt32()));
        Assert.All(pages, p => Assert.Equal(3, p.GetProperty("commentCounts").GetProperty("replies").GetInt32()));
        Assert.Equal(JsonValueKind.Null, pages[^1].GetProperty("comments").GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
    }

    [Fact]
    public async Task Comments_refuse_a_page_size_out_of_range_a_forged_cursor_and_an_unknown_participant_token()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var citizen = _app.Anonymous();

        AssertError(await citizen.QueryAsync(Thread, new { id = consultation.Id, first = 0 }), "VALIDATION", "first", "OUT_OF_RANGE");
        AssertError(await citizen.QueryAsync(Thread, new { id = consultation.Id, first = 101 }), "VALIDATION", "first", "OUT_OF_RANGE");
        AssertError(await citizen.QueryAsync(Thread, new { id = consultation.Id, after = "not a cursor" }), "VALIDATION", "after", "INVALID_FORMAT");
        AssertError(await citizen.QueryAsync(Thread, new { id = consultation.Id, token = new string('b', 43) }), "NOT_FOUND", "participantToken", "NOT_FOUND");
    }

    private const string SubmitResponse = """
        mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { id surveyId language answerCount submittedAt } }
        """;

    private const string Results = """
        query($id: ID!) { survey(id: $id) { status results { responses questions { questionId type answered counts { value count } } } } }
        """;

    private static object Response(string surveyId, string token, params object[] answers) =>
        new { input = new { surveyId, participantToken = token, language = "en", answers } };

    private static int CountOf(JsonElement results, string questionId, string value) =>
        results.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("questionId").GetString() == questionId)
            .GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("value").GetString() == value).GetProperty("count").GetInt32();

    private static int AnsweredOf(JsonElement results, string questionId) =>
        results.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("questionId").GetString() == questionId).GetProperty("answered").GetInt32();

    [Fact]
    public async Task SubmitSurveyResponse_respects_show_if_takes_one_response_per_participant_and_moves_the_results()
    {
        var org = await _app.CreateOrganisationAsync();
        var survey = await _app.CreateOpenSurveyAsync(org.Id);   // "why" is shown only when "satisfied" is 1
        var citizen = _app.Anonymous();
        var first = await RegisterParticipantAsync(citizen);
        var second = await RegisterParticipantAsync(citizen);

        var hidden = await citizen.QueryAsync(SubmitResponse, Response(survey.Id, first, new { questionId = "satisfied", number = 4 }, new { questionId = "why", text = "Fine" }));
        var afterHidden = (await citizen.QueryAsync(Results, new { id = survey.Id })).AssertOk().At("survey.results");
        var missing = await citizen.QueryAsync(SubmitResponse, Response(survey.Id, first));
        var shown = (await citizen.QueryAsync(SubmitResponse, Response(survey.Id, first, new { questionId = "satisfied", number = 1 }, new { questionId = "why", text = "Too slow" })))
            .AssertOk().At("submitSurveyResponse");
        var again = await citizen.QueryAsync(SubmitResponse, Response(survey.Id, first, new { questionId = "satisfied", number = 3 }));
        var other = (await citizen.QueryAsync(SubmitResponse, Response(survey.Id, second, new { questionId = "satisfied", number = 5 }))).AssertOk().At("submitSurveyResponse");
        var results = (await citizen.QueryAsync(Results, new { id = survey.Id })).AssertOk().At("survey.results");

        AssertError(hidden, "VALIDATION", "answers.why", "HIDDEN_QUESTION");
        Assert.Equal(JsonValueKind.Null, hidden.At("submitSurveyResponse").ValueKind);
        Assert.Equal(0, afterHidden.GetProperty("responses").GetInt32());
        AssertError(missing, "VALIDATION", "answers.satisfied", "REQUIRED");
        Assert.Equal(2, shown.GetProperty("answerCount").GetInt32());
        Assert.Equal(survey.Id, shown.GetProperty("surveyId").GetString());
        AssertError(again, "CONFLICT", "participantId", "DUPLICATE");
        Assert.Equal(1, other.GetProperty("answerCount").GetInt32());
        Assert.Equal(2, results.GetProperty("responses").GetInt32());
        Assert.Equal(2, AnsweredOf(results, "satisfied"));
        Assert.Equal(1, CountOf(results, "satisfied", "1"));
        Assert.Equal(0, CountOf(results, "satisfied", "3"));
        Assert.Equal(1, CountOf(results, "satisfied", "5"));
        Assert.Equal(1, AnsweredOf(results, "why"));
    }

    private const string Summary = "query($id: ID!) { service(id: $id) { ratingSummary { count average csat distribution } } }";

    private const string Rate = "mutation($input: SubmitRatingInput!) { submitRating(input: $input) { id serviceId score comment pageUrl language createdAt } }";

    [Fact]
    public async Task SubmitRating_with_or_without_a_participant_token_moves_the_rating_summary()
    {
        var org = await _app.CreateOrganisationAsync();
        var service = await _app.CreateServiceAsync(org.Id);
        var citizen = _app.Anonymous();
        var token = await RegisterParticipantAsync(citizen);

        async Task<(int Count, double? Average, double? Csat, int[] Distribution)> SummaryAsync()
        {
            var s = (await citizen.QueryAsync(Summary, new { id = service.Id })).AssertOk().At("service.ratingSummary");
            double? Number(string name) => s.GetProperty(name).ValueKind == JsonValueKind.Null ? null : s.GetProperty(name).GetDouble();
            return (s.GetProperty("count").GetInt32(), Number("average"), Number("csat"), Ints(s.GetProperty("distribution")));
        }

        var empty = await SummaryAsync();
        var anonymous = (await citizen.QueryAsync(Rate, new { input = new { serviceId = service.Id, score = 5, language = "en", comment = "Quick", pageUrl = "https://example.org/permits" } }))
            .AssertOk().At("submitRating");
        var afterOne = await SummaryAsync();
        (await citizen.QueryAsync(Rate, new { input = new { serviceId = service.Id, score = 2, language = "fr", participantToken = token } })).AssertOk();
        var afterTwo = await SummaryAsync();
        (await citizen.QueryAsync(Rate, new { input = new { serviceId = service.Id, score = 4, language = "en" } })).AssertOk();
        var afterThree = await SummaryAsync();
        var badToken = await citizen.QueryAsync(Rate, new { input = new { serviceId = service.Id, score = 1, language = "en", participantToken = "nope" } });
        var badScore = await citizen.QueryAsync(Rate, new { input = new { serviceId = service.Id, score = 6, language = "en" } });
        var badUrl = await citizen.QueryAsync(Rate, new { input = new { serviceId = service.Id, score = 3, language = "en", pageUrl = "javascript:alert(1)" } });
        var unknown = await citizen.QueryAsync(Rate, new { input = new { serviceId = "missing", score = 3, language = "en" } });

        Assert.Equal(0, empty.Count);
        Assert.Null(empty.Average);
        Assert.Null(empty.Csat);
        Assert.Equal([0, 0, 0, 0, 0], empty.Distribution);
        Assert.Equal(5, anonymous.GetProperty("score").GetInt32());
        Assert.Equal("Quick", anonymous.GetProperty("comment").GetString());
        Assert.Equal("https://example.org/permits", anonymous.GetProperty("pageUrl").GetString());
        Assert.Equal(1, afterOne.Count);
        Assert.Equal(5.0, afterOne.Average);
        Assert.Equal(1.0, afterOne.Csat);
        Assert.Equal([0, 0, 0, 0, 1], afterOne.Distribution);
        Assert.Equal(2, afterTwo.Count);
        Assert.Equal(3.5, afterTwo.Average);
        Assert.Equal(0.5, afterTwo.Csat);
        Assert.Equal([0, 1, 0, 0, 1], afterTwo.Distribution);
        Assert.Equal(3, afterThree.Count);
        Assert.Equal(11.0 / 3, afterThree.Average!.Value, 6);
        Assert.Equal(2.0 / 3, afterThree.Csat!.Value, 6);
        Assert.Equal([0, 1, 0, 1, 1], afterThree.Distribution);
        AssertError(badToken, "VALIDATION", "participantToken", "INVALID_FORMAT");
        AssertError(badScore, "VALIDATION", "score", "OUT_OF_RANGE");
        AssertError(badUrl, "VALIDATION", "pageUrl");
        AssertError(unknown, "NOT_FOUND", "serviceId", "NOT_FOUND");
        Assert.Equal(3, (await SummaryAsync()).Count);
    }

    [Fact]
    public async Task Organisations_are_listed_and_found_by_slug_and_by_id_and_services_by_id()
    {
        var org = await _app.CreateOrganisationAsync();
        var service = await _app.CreateServiceAsync(org.Id);
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);
        var survey = await _app.CreateOpenSurveyAsync(org.Id, consultation.Id);
        var client = _app.Anonymous();
        const string Fields = "id slug createdAt name { text } services { id slug organisationId createdAt name { text } description { text } } consultations(status: OPEN) { id slug status acceptingContributions organisationId surveys { id } } surveys(status: OPEN) { id slug consultationId organisationId identityPolicy version createdAt updatedAt }";

        var list = (await client.QueryAsync("{ organisations { id slug } }")).AssertOk().At("organisations");
        var bySlug = (await client.QueryAsync($"query($slug: String) {{ organisation(slug: $slug) {{ {Fields} }} }}", new { slug = org.Slug })).AssertOk().At("organisation");
        var byId = (await client.QueryAsync($"query($id: ID) {{ organisation(id: $id) {{ {Fields} }} }}", new { id = org.Id })).AssertOk().At("organisation");
        var byService = (await client.QueryAsync("query($id: ID!) { service(id: $id) { id slug organisationId name { text } } }", new { id = service.Id })).AssertOk().At("service");
        var none = (await client.QueryAsync("{ a: organisation(slug: \"no-such-org\") { id } b: organisation(id: \"missing\") { id } c: organisation { id } d: service(id: \"missing\") { id } }")).AssertOk();

        Assert.Contains(list.EnumerateArray(), o => o.GetProperty("id").GetString() == org.Id && o.GetProperty("slug").GetString() == org.Slug);
        Assert.Equal(bySlug.GetRawText(), byId.GetRawText());
        Assert.Equal(org.Id, byId.GetProperty("id").GetString());
        Assert.Equal([service.Id], Ids(byId.GetProperty("services")));
        Assert.Equal([consultation.Id], Ids(byId.GetProperty("consultations")));
        Assert.True(byId.GetProperty("consultations")[0].GetProperty("acceptingContributions").GetBoolean());
        Assert.Equal([survey.Id], Ids(byId.GetProperty("consultations")[0].GetProperty("surveys")));
        Assert.Equal([survey.Id], Ids(byId.GetProperty("surveys")));
        Assert.Equal(consultation.Id, byId.GetProperty("surveys")[0].GetProperty("consultationId").GetString());
        Assert.Equal(service.Slug, byService.GetProperty("slug").GetString());
        Assert.Equal(org.Id, byService.GetProperty("organisationId").GetString());
        Assert.All(["a", "b", "c", "d"], name => Assert.Equal(JsonValueKind.Null, none.At(name).ValueKind));
    }

    [Fact]
    public async Task LocalizedText_gives_the_language_asked_for_falls_back_to_the_default_and_lists_every_translation()
    {
        var org = await _app.CreateOrganisationAsync();
        var consultation = await _app.CreateOpenConsultationAsync(org.Id);   // "Bike lanes" / "Pistes cyclables"
        const string Query = """
            query($id: ID!) {
              consultation(id: $id) {
                title { fr: text(language: "fr") en: text(language: "en") plain: text other: text(language: "de") translations { language text } }
                outcome { text translations { language } }
              }
            }
            """;

        var consultationData = (await _app.Anonymous().QueryAsync(Query, new { id = consultation.Id })).AssertOk().At("consultation");
        var title = consultationData.GetProperty("title");

        Assert.Equal("Pistes cyclables", title.GetProperty("fr").GetString());
        Assert.Equal("Bike lanes", title.GetProperty("en").GetString());
        Assert.Equal("Bike lanes", title.GetProperty("plain").GetString());
        Assert.Equal("Bike lanes", title.GetProperty("other").GetString());
        Assert.Equal(
            ["en: Bike lanes", "fr: Pistes cyclables"],
            title.GetProperty("translations").EnumerateArray().Select(t => $"{t.GetProperty("language").GetString()}: {t.GetProperty("text").GetString()}").Order());
        Assert.Equal(JsonValueKind.Null, consultationData.GetProperty("outcome").GetProperty("text").ValueKind);
        Assert.Empty(consultationData.GetProperty("outcome").GetProperty("translations").EnumerateArray());
    }
}
