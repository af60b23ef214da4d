using System.Text.Json;
using Engagement.Api.Auth;
using Engagement.Api.Composition;
using Engagement.GraphQL.Errors;
using Engagement.Api.Settings;
using Engagement.Web;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Net.Http.Headers;

namespace Engagement.Api.GraphQL;

/// <summary>
/// The GraphQL-over-HTTP endpoint at /graphql: POST application/json (one request or a bounded batch), GET for
/// queries only, GraphiQL for browsers. Status codes follow the specification: 415 for another content type,
/// 413 for an oversize body, 400 for an unparseable body, a missing query or (with the graphql-response media
/// type) a document that fails to parse or validate, 405 for a mutation over GET, 406 for an unsupported Accept.
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";
    public const string RateLimitPolicy = "graphql";
    private const string GraphQLResponseType = "application/graphql-response+json";
    private const string JsonType = "application/json";

    // The parser's own guard against stack exhaustion; the complexity analyzer's MaxDepth is the real query limit.
    private const int MaxDocumentDepth = 64;

    public static IEndpointRouteBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, PostAsync).RequireRateLimiting(RateLimitPolicy).WithName("GraphQLPost").WithTags("GraphQL").DisableAntiforgery();
        app.MapGet(Path, GetAsync).RequireRateLimiting(RateLimitPolicy).WithName("GraphQLGet").WithTags("GraphQL");
        return app;
    }

    private static async Task PostAsync(HttpContext http, EngagementSettings settings, IDocumentExecuter<EngagementSchema> executer, IGraphQLTextSerializer serializer)
    {
        var limits = settings.GraphQL;
        if (ResponseTypeFor(http.Request) is not { } responseType)
        {
            await WriteRefusalAsync(http, StatusCodes.Status406NotAcceptable, JsonType, serializer, ApiErrorCodes.Validation,
                $"Accept {GraphQLResponseType} or {JsonType}.");
            return;
        }
        if (RequestBodies.Utf8MediaType(http.Request) is not { } mediaType || !mediaType.Equals(JsonType, StringComparison.OrdinalIgnoreCase))
        {
            await WriteRefusalAsync(http, StatusCodes.Status415UnsupportedMediaType, responseType, serializer, ApiErrorCodes.Validation,
                $"Send the request as {JsonType}.");
            return;
        }
        if (!await PassesAuthenticationChecksAsync(http, settings, responseType, serializer))
            return;

        var body = await RequestBodies.ReadAsync(http, limits.MaxBodyBytes);
        if (body is null)
        {
            await WriteRefusalAsync(http, StatusCodes.Status413PayloadTooLarge, responseType, serializer, ApiErrorCodes.Validation,
                $"The request body is larger than {limits.MaxBodyBytes} bytes.");
            return;
        }

        var parsed = ParseBody(body, limits.MaxBatchSize, serializer);
        if (parsed.Error is { } error)
        {
            await WriteRefusalAsync(http, StatusCodes.Status400BadRequest, responseType, serializer, ApiErrorCodes.Validation, error);
            return;
        }

        if (!parsed.IsBatch)
        {
            var (status, result) = await ExecuteAsync(http, executer, parsed.Requests[0], responseType, allowMutations: true, limits);
            await WriteAsync(http, status, responseType, serializer, result);
            return;
        }

        // Batched operations run one after another, so a batch costs what its parts cost and no more at once.
        var results = new List<ExecutionResult>(parsed.Requests.Count);
        foreach (var request in parsed.Requests)
            results.Add((await ExecuteAsync(http, executer, request, responseType, allowMutations: true, limits)).Result);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = $"{responseType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, results, http.RequestAborted);
    }

    private static async Task GetAsync(HttpContext http, EngagementSettings settings, IDocumentExecuter<EngagementSchema> executer, IGraphQLTextSerializer serializer)
    {
        var query = http.Request.Query;
        if (!query.ContainsKey("query") && AcceptsHtml(http.Request))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.ContentSecurityPolicy = WebAssets.GraphiQLContentSecurityPolicy;
            await http.Response.WriteAsync(WebAssets.GraphiQLPage, http.RequestAborted);
            return;
        }
        if (ResponseTypeFor(http.Request) is not { } responseType)
        {
            await WriteRefusalAsync(http, StatusCodes.Status406NotAcceptable, JsonType, serializer, ApiErrorCodes.Validation,
                $"Accept {GraphQLResponseType} or {JsonType}.");
            return;
        }
        if (!await PassesAuthenticationChecksAsync(http, settings, responseType, serializer))
            return;

        var text = query["query"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            await WriteRefusalAsync(http, StatusCodes.Status400BadRequest, responseType, serializer, ApiErrorCodes.Validation, "The query parameter is missing.");
            return;
        }
        Inputs? variables = null;
        if (query.TryGetValue("variables", out var rawVariables) && !string.IsNullOrEmpty(rawVariables))
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(rawVariables.ToString());
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
            {
                await WriteRefusalAsync(http, StatusCodes.Status400BadRequest, responseType, serializer, ApiErrorCodes.Validation,
                    "The variables parameter must be a JSON object.");
                return;
            }
        }
        var request = new GraphQLRequest { Query = text, OperationName = NullIfEmpty(query["operationName"].ToString()), Variables = variables };
        var (status, result) = await ExecuteAsync(http, executer, request, responseType, allowMutations: false, settings.GraphQL);
        await WriteAsync(http, status, responseType, serializer, result);
    }

    /// <summary>
    /// An Authorization header that does not authenticate is refused outright (no silent fall-back to anonymous),
    /// and cookie-authenticated requests must come from the platform's own pages or a trusted origin.
    /// </summary>
    private static async Task<bool> PassesAuthenticationChecksAsync(HttpContext http, EngagementSettings settings, string responseType, IGraphQLTextSerializer serializer)
    {
        if (http.Request.Headers.Authorization.Count > 0 && StaffClaims.TokenIdOf(http.User) is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteRefusalAsync(http, StatusCodes.Status401Unauthorized, responseType, serializer, ApiErrorCodes.Unauthenticated,
                "The API token is missing, unknown, expired or revoked.");
            return false;
        }
        if (StaffClaims.IsCookieAuthenticated(http.User) && !CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
        {
            await WriteRefusalAsync(http, StatusCodes.Status403Forbidden, responseType, serializer, ApiErrorCodes.Forbidden,
                "Signed-in requests are accepted only from the platform's own pages.");
            return false;
        }
        return true;
    }

    private static async Task<(int Status, ExecutionResult Result)> ExecuteAsync(
        HttpContext http, IDocumentExecuter<EngagementSchema> executer, GraphQLRequest request, string responseType, bool allowMutations, GraphQLSettings limits)
    {
        if (DocumentGuard.CheckText(request.Query!) is { } unparsed)
            return Refused(responseType, unparsed);

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(request.Query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = MaxDocumentDepth });
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException e)
        {
            var failed = new ExecutionResult { Executed = false };
            failed.AddError(new global::GraphQL.Execution.SyntaxError(e));
            return (StatusFor(responseType, failed), failed);
        }
        catch (GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
        {
            return Refused(responseType, $"The document is nested deeper than {MaxDocumentDepth} levels.");
        }

        if (DocumentGuard.CheckDocument(document, limits.MaxDepth) is { } tooBig)
            return Refused(responseType, tooBig);
        var schema = http.RequestServices.GetRequiredService<EngagementSchema>();
        schema.Initialize();
        if (DocumentGuard.CheckComplexity(document, schema, request.Variables, limits.MaxComplexity, GraphQLServiceCollectionExtensions.DefaultListMultiplier) is { } tooComplex)
            return Refused(responseType, tooComplex);

        if (!allowMutations && IsMutation(document, request.OperationName))
        {
            http.Response.Headers.Allow = "POST";
            var refused = new ExecutionResult { Executed = false };
            refused.AddError(DomainErrors.Refusal(ApiErrorCodes.Validation, "Mutations are accepted over POST only."));
            return (StatusCodes.Status405MethodNotAllowed, refused);
        }

        var result = await executer.ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.Document = document;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.RequestServices = http.RequestServices;
            options.User = http.User;
            options.CancellationToken = http.RequestAborted;
        });
        return (StatusFor(responseType, result), result);
    }

    private static (int Status, ExecutionResult Result) Refused(string responseType, string message)
    {
        var refused = new ExecutionResult { Executed = false };
        refused.AddError(DomainErrors.Refusal(ApiErrorCodes.Validation, message));
        return (StatusFor(responseType, refused), refused);
    }

    private static bool IsMutation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var chosen = operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        // An ambiguous or unknown operation fails validation later; only a chosen mutation is refused here.
        return chosen?.Operation == OperationType.Mutation;
    }

    // With the graphql-response media type, a request that never executed is a 400; the legacy JSON type keeps 200.
    private static int StatusFor(string responseType, ExecutionResult result) =>
        responseType == GraphQLResponseType && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    private sealed record ParsedBody(IReadOnlyList<GraphQLRequest> Requests, bool IsBatch, string? Error);

    private static ParsedBody ParseBody(byte[] body, int maxBatch, IGraphQLTextSerializer serializer)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return new ParsedBody([], false, "The request body is not valid JSON.");
        }
        using (json)
        {
            try
            {
                return ReadBody(json.RootElement, maxBatch, serializer);
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException or FormatException)
            {
                // Strings are transcoded only when read: invalid UTF-8 or a lone escaped surrogate surfaces here.
                return new ParsedBody([], false, "The request body holds text that is not valid Unicode.");
            }
        }
    }

    private static ParsedBody ReadBody(JsonElement root, int maxBatch, IGraphQLTextSerializer serializer)
    {
        {
            if (root.ValueKind == JsonValueKind.Array)
            {
                var count = root.GetArrayLength();
                if (count == 0)
                    return new ParsedBody([], true, "The batch is empty.");
                if (count > maxBatch)
                    return new ParsedBody([], true, $"A batch holds at most {maxBatch} operations; this one has {count}.");
                var requests = new List<GraphQLRequest>(count);
                foreach (var item in root.EnumerateArray())
                {
                    var (request, error) = ReadRequest(item, serializer);
                    if (error is not null)
                        return new ParsedBody([], true, error);
                    requests.Add(request!);
                }
                return new ParsedBody(requests, true, null);
            }
            var (single, singleError) = ReadRequest(root, serializer);
            return singleError is null ? new ParsedBody([single!], false, null) : new ParsedBody([], false, singleError);
        }
    }

    private static (GraphQLRequest? Request, string? Error) ReadRequest(JsonElement element, IGraphQLTextSerializer serializer)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return (null, "The request body must be a JSON object with a query.");
        if (!element.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(query.GetString()))
            return (null, "The request has no query.");
        string? operationName = null;
        if (element.TryGetProperty("operationName", out var op) && op.ValueKind != JsonValueKind.Null)
        {
            if (op.ValueKind != JsonValueKind.String)
                return (null, "operationName must be a string.");
            operationName = NullIfEmpty(op.GetString());
        }
        Inputs? variables = null;
        if (element.TryGetProperty("variables", out var vars) && vars.ValueKind != JsonValueKind.Null)
        {
            if (vars.ValueKind != JsonValueKind.Object)
                return (null, "variables must be a JSON object.");
            variables = serializer.ReadNode<Inputs>(vars);
        }
        Inputs? extensions = null;
        if (element.TryGetProperty("extensions", out var ext) && ext.ValueKind != JsonValueKind.Null)
        {
            // The specification makes extensions a map like variables; a string or list is a malformed request, not an absent one.
            if (ext.ValueKind != JsonValueKind.Object)
                return (null, "extensions must be a JSON object.");
            extensions = serializer.ReadNode<Inputs>(ext);
        }
        return (new GraphQLRequest { Query = query.GetString(), OperationName = operationName, Variables = variables, Extensions = extensions }, null);
    }

    /// <summary>The media type to answer with, or null when the client accepts neither GraphQL response type.</summary>
    private static string? ResponseTypeFor(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0)
            return GraphQLResponseType;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var types))
            return GraphQLResponseType;
        foreach (var type in types.OrderByDescending(t => t.Quality ?? 1))
        {
            if (type.MediaType.Equals(GraphQLResponseType, StringComparison.OrdinalIgnoreCase))
                return GraphQLResponseType;
            if (type.MediaType.Equals(JsonType, StringComparison.OrdinalIgnoreCase))
                return JsonType;
            if (type.MediaType.Equals("*/*", StringComparison.Ordinal) || type.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
                return GraphQLResponseType;
        }
        return null;
    }

    private static bool AcceptsHtml(HttpRequest request) => request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static async Task WriteAsync(HttpContext http, int status, string responseType, IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{responseType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>Answers a request refused before execution with the status and one error carrying its code.</summary>
    public static Task WriteRefusalAsync(HttpContext http, int status, string responseType, IGraphQLTextSerializer serializer, string code, string message)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(DomainErrors.Refusal(code, message));
        return WriteAsync(http, status, responseType, serializer, result);
    }
}
