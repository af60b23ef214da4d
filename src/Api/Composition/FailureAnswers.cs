using Engagement.Core.Common;
using Engagement.GraphQL.Errors;

namespace Engagement.Api.Composition;

/// <summary>
/// Answers the failures that are not the platform's fault with what the caller should do, instead of a 500 logged as
/// an unhandled error with its stack: on the widget's endpoints, the pages and sign-in (GraphQL reports the store's
/// condition as an <c>UNAVAILABLE</c> error of its own).
/// <list type="bullet">
/// <item>A request the server refused while reading it (a body that arrives too slowly, breaks its chunked framing, or
/// passes the server's size cap): that status, logged as the client's fault. Anyone can send these at will.</item>
/// <item>A store that could not serve just now (a lock held by another process, a full disk, an unreachable server):
/// 503 with a Retry-After.</item>
/// </list>
/// </summary>
internal static partial class FailureAnswers
{
    public static IApplicationBuilder UseFailureAnswers(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            LogRefused(Logger(http, "Engagement.Requests"), http.Request.Method, http.Request.Path, e.StatusCode, e.Message);
            var title = e.StatusCode switch
            {
                StatusCodes.Status408RequestTimeout => "The request body arrived too slowly, so it was not read. Send it again.",
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                _ => "The request could not be read. Send it again.",
            };
            // The connection is closed after this answer: the rest of the body will not be read.
            await AnswerAsync(http, e.StatusCode, title, new() { ["code"] = ApiErrorCodes.Validation });
        }
        catch (Exception e) when (StoreUnavailableException.Find(e) is { } unavailable && !http.Response.HasStarted)
        {
            LogUnavailable(Logger(http, "Engagement.Store"), http.Request.Path, unavailable.Reason, unavailable.InnerException?.Message ?? unavailable.Message);
            var (reason, message) = ApiErrorCodes.FromStore(unavailable.Reason);
            // A lock passes in seconds; space or a failing disk needs someone, so clients should not hammer it.
            await AnswerAsync(http, StatusCodes.Status503ServiceUnavailable, message, new() { ["code"] = ApiErrorCodes.Unavailable, ["reason"] = reason },
                retryAfter: unavailable.Reason == StoreUnavailableReason.Busy ? "5" : "60");
        }
    });

    private static ILogger Logger(HttpContext http, string category) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    // Whatever the failed request had set (status, headers, a partial body in the buffer) goes; the problem replaces it.
    private static Task AnswerAsync(HttpContext http, int status, string title, Dictionary<string, object?> extensions, string? retryAfter = null)
    {
        http.Response.Clear();
        if (retryAfter is not null)
            http.Response.Headers.RetryAfter = retryAfter;
        return Results.Problem(statusCode: status, title: title, extensions: extensions).ExecuteAsync(http);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} while reading it: {Status} ({Detail})")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store could not serve {Path} ({Reason}): {Detail}")]
    private static partial void LogUnavailable(ILogger logger, string path, StoreUnavailableReason reason, string detail);
}
