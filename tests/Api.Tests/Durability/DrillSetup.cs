using System.Net;
using Engagement.Api.Tests.Hosting;

namespace Engagement.Api.Tests.Durability;

/// <summary>What every fault drill starts from, the three writes it makes, and how a refusal under a fault must look.</summary>
public static class DrillSetup
{
    public const string Rate = "mutation($input: SubmitRatingInput!) { submitRating(input: $input) { id } }";
    public const string Post = "mutation($input: PostCommentInput!) { postComment(input: $input) { id status parentId } }";
    public const string Answer = "mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { id } }";
    public const string Register = "mutation { registerParticipant { participantToken } }";

    /// <summary>The web site the drills' widget key allows.</summary>
    public const string Site = "https://drill.example";

    /// <summary>
    /// An organisation with a service (and a widget key for it, allowing <see cref="Site"/>), an open consultation and an
    /// open survey, in the store file of this data directory.
    /// </summary>
    public static async Task<DrillScene> CreateWhatTheWritesNeedAsync(string dataDir)
    {
        using var app = new EngagementAppFactory(dataDir).WithSetting("Seed:DemoData", "false");
        var org = await app.CreateOrganisationAsync();
        var service = await app.CreateServiceAsync(org.Id);
        var key = await app.CreateWidgetKeyAsync(org.Id, service.Id, Site);
        var consultation = await app.CreateOpenConsultationAsync(org.Id);
        var survey = await app.CreateOpenSurveyAsync(org.Id);
        return new DrillScene(service.Id, consultation.Id, survey.Id, key.Key);
    }

    /// <summary>Posts a rating through the widget endpoint, as the widget does from a page of <see cref="Site"/>.</summary>
    public static async Task<HttpResponseMessage> PostWidgetRatingAsync(HttpClient http, string widgetKey, string page, int score = 4)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/widget/{widgetKey}/ratings")
        {
            Content = new FormUrlEncodedContent([new("score", score.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("page", page)]),
        };
        request.Headers.Add("Origin", Site);
        return await http.SendAsync(request);
    }

    /// <summary>A rating whose page address is the marker it is found by afterwards.</summary>
    public static object Rating(string serviceId, string page, int score = 4, string language = "en") =>
        new { input = new { serviceId, score, language, pageUrl = page } };

    public static object Comment(string consultationId, string token, string text, string? parentId = null) =>
        new { input = new { consultationId, participantToken = token, text, language = "en", parentId } };

    /// <summary>A response to the survey of <see cref="EngagementAppFactory.CreateOpenSurveyAsync"/>: "why" is shown only for a 1.</summary>
    public static object Response(string surveyId, string token, int score)
    {
        object[] answers = score == 1
            ? [new { questionId = "satisfied", number = score }, new { questionId = "why", text = "The form lost my answers twice." }]
            : [new { questionId = "satisfied", number = score }];
        return new { input = new { surveyId, participantToken = token, language = "en", answers } };
    }

    /// <summary>
    /// A write refused because the store could not take it: one error, code UNAVAILABLE with this reason, a message that
    /// says nothing was saved and to try again, no data, and nothing of the server's insides (no exception, no stack).
    /// </summary>
    public static void AssertUnavailable(GraphQLResponse answer, string reason)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var error = Assert.Single(answer.Root.GetProperty("errors").EnumerateArray());
        var extensions = error.GetProperty("extensions");
        Assert.Equal(("UNAVAILABLE", reason), (extensions.GetProperty("code").GetString(), extensions.GetProperty("reason").GetString()));
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("nothing was saved", message, StringComparison.Ordinal);
        Assert.Contains("try again", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", answer.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", answer.Body, StringComparison.Ordinal);
        Assert.All(answer.Data.EnumerateObject(), field => Assert.Equal(System.Text.Json.JsonValueKind.Null, field.Value.ValueKind));
    }
}

/// <summary>What a drill writes to: a service and its widget key, an open consultation, an open survey.</summary>
public sealed record DrillScene(string ServiceId, string ConsultationId, string SurveyId, string WidgetKey);
