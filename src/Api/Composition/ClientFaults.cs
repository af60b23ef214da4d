using Engagement.GraphQL.Errors;

namespace Engagement.Api.Composition;

/// <summary>
/// Answers a request the server itself refused while it was being read (a body that arrives too slowly, breaks its
/// chunked framing, or passes the server's size cap) with that status and a problem that says what to do, logged as
/// the client's fault: otherwise each such request, which anyone can send at will, is logged as an unhandled error
/// with its stack.
/// </summary>
internal static partial class ClientFaults
{
    public static IApplicationBuilder UseClientFaultAnswers(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Engagement.Requests");
            LogRefused(logger, http.Request.Method, http.Request.Path, e.StatusCode, e.Message);
            http.Response.Clear();
            var title = e.StatusCode switch
            {
                StatusCodes.Status408RequestTimeout => "The request body arrived too slowly, so it was not read. Send it again.",
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                _ => "The request could not be read. Send it again.",
            };
            // The connection is closed after this answer: the rest of the body will not be read.
            await Results.Problem(statusCode: e.StatusCode, title: title,
                extensions: new Dictionary<string, object?> { ["code"] = ApiErrorCodes.Validation }).ExecuteAsync(http);
        }
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} while reading it: {Status} ({Detail})")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string detail);
}
