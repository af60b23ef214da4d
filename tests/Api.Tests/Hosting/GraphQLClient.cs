using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Engagement.Api.Tests.Hosting;

/// <summary>Posts GraphQL requests the way a client does and reads the answer as JSON.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public Task<GraphQLResponse> QueryAsync(string query, object? variables = null, string? operationName = null, Action<HttpRequestMessage>? configure = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables, operationName });
        return SendRawAsync(body, "application/json", configure);
    }

    public async Task<GraphQLResponse> SendRawAsync(string body, string contentType, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        configure?.Invoke(request);
        return await SendAsync(request);
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }
}

/// <summary>An answer of the GraphQL endpoint: status, media type and body, with readers for data and error codes.</summary>
public sealed class GraphQLResponse(HttpStatusCode status, string? mediaType, string body)
{
    public HttpStatusCode Status { get; } = status;
    public string? MediaType { get; } = mediaType;
    public string Body { get; } = body;

    private JsonElement? _root;

    public JsonElement Root => _root ??= Body.Length == 0 ? default : JsonDocument.Parse(Body).RootElement.Clone();

    public JsonElement Data => Root.GetProperty("data");

    public bool HasErrors => Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty("errors", out var e) && e.GetArrayLength() > 0;

    public IReadOnlyList<string> ErrorCodes => !HasErrors ? [] :
        Root.GetProperty("errors").EnumerateArray()
            .Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "")
            .ToList();

    /// <summary>The data at a dotted path (`consultation.comments.nodes`), failing the test with the body when absent.</summary>
    public JsonElement At(string path)
    {
        var element = Data;
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
                throw new Xunit.Sdk.XunitException($"No data at '{path}' in: {Body}");
        }
        return element;
    }

    /// <summary>Fails the test, showing the body, unless the request succeeded without errors.</summary>
    public GraphQLResponse AssertOk()
    {
        if (Status != HttpStatusCode.OK || HasErrors)
            throw new Xunit.Sdk.XunitException($"Expected success, got {(int)Status}: {Body}");
        return this;
    }

    public override string ToString() => $"{(int)Status} {Body}";
}
