using System.Net;
using System.Text;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Common;
using Engagement.Core.Ratings;
using Engagement.Core.Widgets;

namespace Engagement.Api.Tests.Widget;

/// <summary>Requests as the widget and hostile clients send them, and readers for the widget endpoints' answers.</summary>
internal static class WidgetHttp
{
    public const string FormType = "application/x-www-form-urlencoded";

    /// <summary>A form body, each value percent-encoded as a browser encodes it.</summary>
    public static string Form(params (string Name, string Value)[] fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>A request with a body of these bytes and this content type (none when null), from this origin (none when null).</summary>
    public static HttpRequestMessage Post(string path, byte[] body, string? contentType = FormType, string? origin = WidgetApps.Site)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (origin is not null)
            request.Headers.TryAddWithoutValidation("Origin", origin);
        return request;
    }

    public static HttpRequestMessage Post(string path, string body, string? contentType = FormType, string? origin = WidgetApps.Site) =>
        Post(path, Encoding.UTF8.GetBytes(body), contentType, origin);

    /// <summary>Posts a rating as the widget does: form-encoded, with the page's origin.</summary>
    public static async Task<HttpResponseMessage> PostRatingAsync(
        this HttpClient client, TestWidget widget, string body, string? origin = WidgetApps.Site, Action<HttpRequestMessage>? configure = null)
    {
        using var request = Post(widget.RatingsPath, body, origin: origin);
        configure?.Invoke(request);
        return await client.SendAsync(request);
    }

    /// <summary>Rates through the widget endpoint as a test's setup, asserting the rating was accepted.</summary>
    public static async Task RateAsync(this HttpClient client, TestWidget widget, int score)
    {
        using var response = await client.PostRatingAsync(widget, Form(("score", score.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static Task<HttpResponseMessage> GetWithOriginAsync(this HttpClient client, string path, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (origin is not null)
            request.Headers.TryAddWithoutValidation("Origin", origin);
        return SendDisposingAsync(client, request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the status and the error body of docs/widget.md: its code, its field (null when none) and its message.</summary>
    public static async Task AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code, string? field = null, bool anyField = false)
    {
        Assert.Equal(status, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), "An error carries a message in English.");
        if (!anyField)
            Assert.Equal(field, error.GetProperty("field").GetString());
    }

    /// <summary>Every rating stored for the service, oldest first.</summary>
    public static async Task<IReadOnlyList<ServiceRating>> RatingsAsync(this EngagementAppFactory app, string serviceId) =>
        (await app.Get<IRatingStore>().ListAsync(serviceId, PageRequest.First(PageRequest.MaxLimit))).Items;

    /// <summary>Asserts the service has this many ratings, both in its store and in its tally.</summary>
    public static async Task AssertRatingCountAsync(this EngagementAppFactory app, string serviceId, int count)
    {
        Assert.Equal(count, (await app.RatingsAsync(serviceId)).Count);
        Assert.Equal(count, (await app.Get<GetRatingSummary>().ExecuteAsync(serviceId)).Value.Count);
    }

    public static Task AssertNothingStoredAsync(this EngagementAppFactory app, string serviceId) => app.AssertRatingCountAsync(serviceId, 0);

    /// <summary>Disables or enables the test widget's key, as an admin would.</summary>
    public static async Task SetWidgetKeyEnabledAsync(this EngagementAppFactory app, TestWidget widget, bool enabled) =>
        Assert.True((await app.Get<SetWidgetKeyEnabled>().ExecuteAsync(new SetWidgetKeyEnabled.Request(widget.Key.Id, enabled), Actor.System)).Succeeded);

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    private static async Task<HttpResponseMessage> SendDisposingAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
            return await client.SendAsync(request);
    }
}
